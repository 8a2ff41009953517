package checksum

import "testing"

func TestOf(t *testing.T) {
	type model struct {
		K        int     `json:"k"`
		Scale    float64 `json:"scale"`
		Checksum string  `json:"checksum"`
	}
	a, err := Of(model{K: 2, Scale: 0.1}, []byte{1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Of(model{K: 2, Scale: 0.1}, []byte{1, 2, 3})
	otherJSON, _ := Of(model{K: 3, Scale: 0.1}, []byte{1, 2, 3})
	otherData, _ := Of(model{K: 2, Scale: 0.1}, []byte{1, 2, 4})
	if a != again || a == otherJSON || a == otherData || len(a) != 64 {
		t.Errorf("sums %s %s %s %s: want equal for equal input, different otherwise", a, again, otherJSON, otherData)
	}
	if _, err := Of(func() {}, nil); err == nil {
		t.Error("a value JSON cannot encode gives no error")
	}
}
