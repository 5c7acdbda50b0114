package testenv

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// shortCall matches a test of testing.Short().
var shortCall = regexp.MustCompile(`testing\.Short\(\)`)

// testingTypes are the types of a test's handle, as a parameter spells
// them.
var testingTypes = map[string]bool{"*testing.T": true, "*testing.B": true, "*testing.F": true, "testing.TB": true}

// bareSkips returns the places in file src (named name) where a test
// skips itself without this package: a call of Skip, Skipf or SkipNow on
// a variable of a testing type, whatever its name (a parameter, or a
// variable assigned one), and any test of testing.Short().
func bareSkips(name string, src []byte) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		return nil, err
	}
	handles := map[*ast.Object]bool{} // variables holding a test's handle
	typeOf := func(e ast.Expr) string {
		switch x := e.(type) {
		case *ast.StarExpr:
			if sel, ok := x.X.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					return "*" + id.Name + "." + sel.Sel.Name
				}
			}
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok {
				return id.Name + "." + x.Sel.Name
			}
		}
		return ""
	}
	var found []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Field:
			if testingTypes[typeOf(x.Type)] {
				for _, id := range x.Names {
					handles[id.Obj] = true
				}
			}
		case *ast.AssignStmt: // tt := t
			for i, r := range x.Rhs {
				if id, ok := r.(*ast.Ident); ok && handles[id.Obj] && i < len(x.Lhs) {
					if l, ok := x.Lhs[i].(*ast.Ident); ok {
						handles[l.Obj] = true
					}
				}
			}
		case *ast.CallExpr:
			sel, ok := x.Fun.(*ast.SelectorExpr)
			if !ok {
				break
			}
			switch sel.Sel.Name {
			case "Skip", "Skipf", "SkipNow":
			default:
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && handles[id.Obj] {
				found = append(found, fset.Position(x.Pos()).String())
			}
		}
		return true
	})
	for i, line := range strings.Split(string(src), "\n") {
		if shortCall.MatchString(line) {
			found = append(found, name+":"+strconv.Itoa(i+1)+": testing.Short()")
		}
	}
	return found, nil
}

// TestNoBareSkips: every test in the module that can skip itself goes
// through this package (Skip, NeedRoot, LookPath, Short), so that it
// fails in CI instead of passing without having run. A bare t.Skip would
// pass CI silently; this test names it.
func TestNoBareSkips(t *testing.T) {
	root := filepath.Join("..", "..")
	var found []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == ".git" || n == "testdata" || p == filepath.Join(root, "internal", "testenv") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f, err := bareSkips(p, data)
		found = append(found, f...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) > 0 {
		t.Errorf("tests that skip themselves without package testenv (they would pass CI without running):\n%s", strings.Join(found, "\n"))
	}
}

// TestBareSkipsFinds: the detector names a skip on a test's handle under
// any name, and leaves alone testenv's calls and other types' Skip
// methods.
func TestBareSkipsFinds(t *testing.T) {
	src := `package x

func TestA(t *testing.T) { tt := t; tt.Skip("no") }
func TestB(b *testing.B) { b.Skipf("%d", 1) }
func helper(h testing.TB) { h.SkipNow() }
func TestC(t *testing.T) { testenv.Skip(t, "fine"); tr.Skip(&seg) }
func TestD(t *testing.T) { if testing.Short() {} }
`
	got, err := bareSkips("x_test.go", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"x_test.go:3:37", "x_test.go:4:28", "x_test.go:5:29", "x_test.go:7: testing.Short()"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("bareSkips found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
