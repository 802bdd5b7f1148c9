package build
import ("testing";"os")
func TestProfBuild(t *testing.T){
	dir := os.Getenv("PROF"); if dir=="" {t.Skip()}
	s, err := Build(dir, "/work/oprof"); if err!=nil{t.Fatal(err)}
	t.Log(s)
}
