package msg

// pagesID holds the Indonesian of the messages of the page layout: page budget, planned material, copyfitting, type and breaks.
var pagesID = map[string]string{}
