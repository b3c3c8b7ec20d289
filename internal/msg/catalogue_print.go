package msg

// printID holds the Indonesian of the messages of the print edition: colour separation, ink, the printer's sheet, imposition.
var printID = map[string]string{}
