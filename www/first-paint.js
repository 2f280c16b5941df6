// Runs before the first paint (a classic script in the head): a visit with a link opens the
// package the link holds, not the default one, so the skeleton hides the default page's
// prerendered header and shows grey blocks in its place (style.css, html.linked).
if (window.location.hash.length > 1) document.documentElement.classList.add('linked');
