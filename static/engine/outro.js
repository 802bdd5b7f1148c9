// The end of the function that intro.js opens and every file of the
// engine shares.
})();
