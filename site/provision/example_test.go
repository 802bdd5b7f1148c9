package provision_test

import (
	"fmt"
	"os"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"protosite/site/akn"
	"protosite/site/provision"
)

func Example() {
	md := goldmark.New(goldmark.WithExtensions(provision.Extension(provision.WithPilcrow(false))))
	src := []byte("1. States Parties shall:\n\n(a) cooperate;\n\n(c) report.\n\n3. Late.\n")

	pc := parser.NewContext()
	provision.SetRoot(pc, akn.Article(7))
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	if err := md.Renderer().Render(os.Stdout, src, doc); err != nil {
		panic(err)
	}
	_ = provision.Walk(doc, func(p *provision.Provision) error {
		fmt.Println(p.ID, "=", p.ID.Label())
		return nil
	})
	for _, p := range provision.Problems(pc) {
		fmt.Printf("offset %d: %s\n", p.Offset, p.Msg)
	}
	// Output:
	// <div class="provision" id="art_7__para_1" data-citation="art. 7(1)">
	// <p><span class="num">1.</span> States Parties shall:</p>
	// <div class="provision" id="art_7__para_1__point_a" data-citation="art. 7(1)(a)">
	// <p><span class="num">(a)</span> cooperate;</p>
	// </div>
	// <div class="provision" id="art_7__para_1__point_c" data-citation="art. 7(1)(c)">
	// <p><span class="num">(c)</span> report.</p>
	// </div>
	// </div>
	// <div class="provision" id="art_7__para_3" data-citation="art. 7(3)">
	// <p><span class="num">3.</span> Late.</p>
	// </div>
	// art_7__para_1 = art. 7(1)
	// art_7__para_1__point_a = art. 7(1)(a)
	// art_7__para_1__point_c = art. 7(1)(c)
	// art_7__para_3 = art. 7(3)
	// offset 55: paragraph 3 is out of sequence, expected 2
}
