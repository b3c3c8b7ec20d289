package fonts

import "testing"

func TestFamily(t *testing.T) {
	for face, want := range map[Face]string{
		Serif:                       "Caladea-Regular",
		"/m/fonts/My Font Bold.ttf": "My-Font-Bold",
		"/m/fonts/Sérif (v2).ttf":   "S-rif--v2-",
		"/m/fonts/Teluk_Black.TTF":  "Teluk_Black",
	} {
		if got := face.Family(); got != want {
			t.Errorf("%q.Family() = %q, want %q", face, got, want)
		}
	}
}

func TestInspect(t *testing.T) {
	data, err := Data(Sans)
	if err != nil {
		t.Fatal(err)
	}
	info, err := Inspect(data)
	if err != nil || !info.TrueType || !info.Embeddable() {
		t.Errorf("Lato: %+v, %v", info, err)
	}
	if _, err := Inspect([]byte("GIF89a not a font")); err == nil {
		t.Error("a GIF read as a font")
	}
	if info := (Info{TrueType: true, FsType: 0x0008}); !info.Embeddable() {
		t.Error("editable embedding refused")
	}
	for _, fs := range []uint16{0x0002, 0x0100, 0x0200} {
		if (Info{TrueType: true, FsType: fs}).Embeddable() {
			t.Errorf("fsType %#04x allowed", fs)
		}
	}
}
