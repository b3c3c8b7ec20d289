package reader

import (
	"os"
	"testing"

	"magz/internal/msg"
)

func TestMain(m *testing.M) {
	msg.Use(msg.English) // the golden files hold the messages in English, whatever the machine's locale
	os.Exit(m.Run())
}
