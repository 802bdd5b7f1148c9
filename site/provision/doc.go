// Package provision is a goldmark extension that reads the numbered
// structure of a treaty article, "1.", "(a)", "(i)", into nested provisions,
// names each with its AKN4UN identifier and renders it as a linkable block.
//
// The extension changes what "1. " means, so it must only be added to the
// goldmark instance that renders article bodies: anywhere else such a line
// is an ordered list.
package provision
