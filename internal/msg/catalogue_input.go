package msg

// inputID holds the Indonesian of the messages of what editors write: Markdown, YAML, scripts and fonts.
var inputID = map[string]string{}
