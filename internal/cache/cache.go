// Package cache is a content-addressed file cache for derived data (photo
// renditions). A key names its content completely (a hash of the source
// bytes, the recipe and the pipeline version), so there is no invalidation:
// a changed input simply has a new key. Writes are atomic; every entry
// carries a checksum, and a corrupt entry is removed and reported as a miss.
// The checksum is CRC-32C, which the processor computes at memory speed: it
// is there to catch a damaged or cut-off file, not a forged one (the key,
// a SHA-256, names the content), and a warm build reads tens of megabytes
// of entries.
package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"magz/internal/msg"
	"os"
	"path/filepath"
)

// Cache is a folder of entries. The zero value (and a nil *Cache) is a
// cache that never hits and never stores.
type Cache struct{ dir string }

// Open returns the cache in dir, creating the folder.
func Open(dir string) (*Cache, error) {
	if dir == "" {
		return &Cache{}, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, msg.Errorf("cannot create the cache folder: %w", err)
	}
	return &Cache{dir: dir}, nil
}

// Dir is the cache folder ("" when disabled).
func (c *Cache) Dir() string {
	if c == nil {
		return ""
	}
	return c.dir
}

// Key hashes the parts into a key.
func Key(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s;", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// magic ends every entry, before its checksum; an entry of another
// format (magzc001 had a SHA-256) is a miss.
const magic = "magzc002"

// castagnoli is the CRC-32C table (crc32 uses the processor's instruction
// for it).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func (c *Cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key[2:])
}

// Get returns the entry for key. A damaged entry is deleted and missed.
func (c *Cache) Get(key string) ([]byte, bool) {
	if c == nil || c.dir == "" {
		return nil, false
	}
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	n := len(b) - len(magic) - 4
	if n < 0 || string(b[n:n+len(magic)]) != magic ||
		binary.BigEndian.Uint32(b[n+len(magic):]) != crc32.Checksum(b[:n], castagnoli) {
		os.Remove(c.path(key))
		return nil, false
	}
	return b[:n:n], true
}

// Put stores data under key, atomically: readers see the whole entry or
// none.
func (c *Cache) Put(key string, data []byte) error {
	if c == nil || c.dir == "" {
		return nil
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		_, err = f.Write(binary.BigEndian.AppendUint32([]byte(magic), crc32.Checksum(data, castagnoli)))
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
