//go:build !windows

package msg

// systemLocale is "" where the environment is the place for the locale.
func systemLocale() string { return "" }
