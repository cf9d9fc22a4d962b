// Only the default view is pictured by the placeholder: a link to any other view waits for the
// map itself. A file of its own (not inline) so that the Content-Security-Policy allows no inline script.
if (/[?&](?!(?:l|lang)=)[^&]/.test(location.search)) document.documentElement.classList.add('no-placeholder');
