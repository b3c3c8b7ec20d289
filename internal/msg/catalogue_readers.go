package msg

// readersID holds the Indonesian of the messages of the editions as readers' software reads them: tagging, EPUB navigation.
var readersID = map[string]string{}
