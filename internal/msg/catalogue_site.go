package msg

// siteID holds the Indonesian of the messages of the website, its feeds and the sharing kit.
var siteID = map[string]string{}
