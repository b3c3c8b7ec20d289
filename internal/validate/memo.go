package validate

import (
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"sync"
)

// answers remembers what a tool said about a file. A test binary asks the
// same question of the same file from several tests (a package's tests
// share the editions they build, see internal/pipeline's fixtures), and
// the tools take seconds: the answer depends only on the command and the
// file's bytes, so it is computed once per test binary. The key holds the
// file's SHA-256, so a file that changes is asked again.
var answers sync.Map // key → *answer

type answer struct {
	once sync.Once
	out  []byte
	err  error
}

// ask returns run's answer about file, running it only the first time the
// command (name and args) is asked of these bytes of file.
func ask(file string, run func() ([]byte, error), name string, args ...string) ([]byte, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return run() // the tool says what is wrong with the file
	}
	return once(fmt.Sprintf("%x %q %q", sha256.Sum256(data), name, args), run)
}

// once returns run's answer to the question key, running it only the
// first time it is asked.
func once(key string, run func() ([]byte, error)) ([]byte, error) {
	a, _ := answers.LoadOrStore(key, &answer{})
	an := a.(*answer)
	an.once.Do(func() { an.out, an.err = run() })
	return an.out, an.err
}

// output is exec.Command(name, args...).Output(), asked once per file.
func output(file, name string, args ...string) ([]byte, error) {
	return ask(file, func() ([]byte, error) { return exec.Command(name, args...).Output() }, name, args...)
}

// combined is exec.Command(name, args...).CombinedOutput(), asked once per
// file.
func combined(file, name string, args ...string) ([]byte, error) {
	return ask(file, func() ([]byte, error) { return exec.Command(name, args...).CombinedOutput() }, name, args...)
}
