// Package provision is a goldmark extension that reads the numbered
// structure of a treaty article, "1.", "(a)", "(i)", into nested provisions,
// names each with its AKN4UN identifier and renders it as a linkable block.
//
// Each provision is one line starting with its marker at the top level of
// the document; it may be soft-wrapped, and a blank line or the next marker
// line ends it. Unnumbered text before the first provision is the article's
// own; unnumbered text after one continues the innermost provision open. A
// line that must start with "(b) " or "2. " as plain text escapes it: "\(b) ".
//
// The caller names the article per parse with SetRoot and reads numbering
// faults back with Problems. The extension changes what "1. " means, so it
// must only be added to the goldmark instance that renders article bodies:
// anywhere else such a line is an ordered list.
package provision
