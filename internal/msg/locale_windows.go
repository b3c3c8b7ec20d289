//go:build windows

package msg

import "golang.org/x/sys/windows"

// systemLocale is Windows' display language ("id-ID") when no locale
// variable is set, as on most Windows desktops.
func systemLocale() string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return ""
	}
	return langs[0]
}
