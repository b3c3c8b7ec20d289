package msg

// readersID holds the Indonesian of the messages of the editions as readers' software reads them: tagging, EPUB navigation.
var readersID = map[string]string{
	// PDF/UA-1: why the screen PDF cannot claim it
	"photo %s has no alternative text: describe it, or mark it as decoration with -": "foto %s tidak punya teks alternatif: beri deskripsi, atau tandai sebagai hiasan dengan -",
}
