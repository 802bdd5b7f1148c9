package cite

import "testing"

// article6Para3 is the treaty paragraph densest in citations.
const article6Para3 = "3. Each State Party shall adopt such legislative and other measures as may be necessary to establish as aggravating circumstances to the offences established in accordance with paragraph 1 (a), (b) (i) and (c) of this article and, subject to the basic concepts of its legal system, to the offences established in accordance with paragraph 2 (b) and (c) of this article, circumstances:"

// article10Para1 is a typical treaty paragraph with no citation of the Protocol.
const article10Para1 = "1. Without prejudice to articles 27 and 28 of the Convention, States Parties, in particular those with common borders or located on routes along which migrants are smuggled, shall, for the purpose of achieving the objectives of this Protocol, exchange among themselves, consistent with their respective domestic legal and administrative systems, relevant information on matters such as:"

func BenchmarkParse(b *testing.B) {
	for _, bc := range []struct {
		name, text string
	}{{"cites", article6Para3}, {"none", article10Para1}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.text)))
			for b.Loop() {
				Parse(bc.text, Context{Article: 6, Para: "3"})
			}
		})
	}
}
