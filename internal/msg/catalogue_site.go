package msg

// siteID holds the Indonesian of the messages of the website, its feeds and the sharing kit.
var siteID = map[string]string{
	"no cover page to draw": "tidak ada halaman sampul untuk digambar",
	"drawing the cover: %w": "menggambar sampul: %w",
}
