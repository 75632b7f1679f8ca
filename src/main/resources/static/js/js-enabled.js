// Marks the page as having JavaScript (and the NHS.UK frontend as supported) before it is drawn; loaded as a file,
// not inline, so that the Content-Security-Policy can refuse every inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
