package msg

// toolsID holds the Indonesian of the messages of tests, benchmarks and release tooling.
var toolsID = map[string]string{}
