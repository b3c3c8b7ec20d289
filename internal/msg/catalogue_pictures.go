package msg

// picturesID holds the Indonesian of the messages of pictures and covers: focal points, resolution, picture layouts, openers.
var picturesID = map[string]string{}
