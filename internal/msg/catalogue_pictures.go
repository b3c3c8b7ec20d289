package msg

// picturesID holds the Indonesian of the messages of pictures and covers: focal points, resolution, picture layouts, openers.
var picturesID = map[string]string{
	"opener %q is not one of %s": "pembuka %q bukan salah satu dari %s",
	"opener %s does not suit this article (its photo's shape or pixels, or no photo); it opens as %s":                     "pembuka %s tidak cocok untuk artikel ini (bentuk atau piksel fotonya, atau tanpa foto); artikel dibuka sebagai %s",
	"photo %s is used twice, here and at %s; readers take the second for a mistake: choose another photo for one of them": "foto %s dipakai dua kali, di sini dan di %s; pembaca mengira yang kedua sebuah kekeliruan: pilih foto lain untuk salah satunya",
}
