package msg

// picturesID holds the Indonesian of the messages of pictures and covers: focal points, resolution, picture layouts, openers.
var picturesID = map[string]string{
	"photo %s is used twice, here and at %s; readers take the second for a mistake: choose another photo for one of them": "foto %s dipakai dua kali, di sini dan di %s; pembaca mengira yang kedua sebuah kekeliruan: pilih foto lain untuk salah satunya",
}
