package corpus_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/topicmill/topicmill/corpus"
)

// Read a small folder tree: each file is a document labelled by the folder
// that holds it; a binary file and a hidden folder are skipped and counted.
func ExampleRead() {
	root, err := os.MkdirTemp("", "corpus-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(root)
	for name, text := range map[string]string{
		"train/sci.space/1.txt": "The orbiter reached the moon.",
		"train/rec.autos/2.txt": "A new engine for an old car.",
		"test/sci.space/3.txt":  "The launch window opens at dawn, weather permitting.\x00", // a stray NUL: dropped, a repair
		"test/rec.autos/4.txt":  "\x00\x01\x02\x03binary",
		".git/HEAD":             "ref: refs/heads/main",
	} {
		full := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			fmt.Println(err)
			return
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			fmt.Println(err)
			return
		}
	}
	stats, err := corpus.Read(context.Background(), root, corpus.Options{}, func(d corpus.Document) error {
		fmt.Printf("%-22s %-10s %q\n", d.ID, d.Label, d.Text)
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(stats)
	// Output:
	// test/sci.space/3.txt   sci.space  "The launch window opens at dawn, weather permitting."
	// train/rec.autos/2.txt  rec.autos  "A new engine for an old car."
	// train/sci.space/1.txt  sci.space  "The orbiter reached the moon."
	// read 3 documents, skipped 2 (binary 1, hidden 1), repaired encoding in 1
}
