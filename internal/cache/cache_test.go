package cache

import (
	"os"
	"path/filepath"
	"testing"
)

func TestHitMissCorrupt(t *testing.T) {
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k := Key("source-hash", "recipe", "v1")
	if _, ok := c.Get(k); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := c.Put(k, []byte("rendition bytes")); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(k); !ok || string(got) != "rendition bytes" {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	// Damage the entry: one flipped byte in the data.
	p := c.path(k)
	b, _ := os.ReadFile(p)
	b[3] ^= 0xff
	os.WriteFile(p, b, 0o644)
	if _, ok := c.Get(k); ok {
		t.Fatal("a corrupt entry was used")
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Error("the corrupt entry was not removed")
	}
	// Damage the checksum itself.
	c.Put(k, []byte("rendition bytes"))
	b, _ = os.ReadFile(p)
	b[len(b)-1] ^= 0x01
	os.WriteFile(p, b, 0o644)
	if _, ok := c.Get(k); ok {
		t.Fatal("an entry with a wrong checksum was used")
	}
	// An entry of the earlier format (a SHA-256 after magzc001) is a miss.
	old := append([]byte("rendition bytes"), "magzc001"...)
	os.WriteFile(p, append(old, make([]byte, 32)...), 0o644)
	if _, ok := c.Get(k); ok {
		t.Fatal("an entry of another format was used")
	}
	// Truncated entry.
	c.Put(k, []byte("rendition bytes"))
	os.WriteFile(p, []byte("ren"), 0o644)
	if _, ok := c.Get(k); ok {
		t.Fatal("a truncated entry was used")
	}
	// No temporary files left behind.
	entries, _ := os.ReadDir(filepath.Dir(p))
	for _, e := range entries {
		if e.Name()[0] == '.' {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if Key("a", "bc") == Key("ab", "c") {
		t.Error("keys of different parts collide")
	}
}

func TestDisabled(t *testing.T) {
	var c *Cache
	if err := c.Put("00ab", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get("00ab"); ok {
		t.Fatal("a nil cache hit")
	}
}
