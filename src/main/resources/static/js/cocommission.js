// Sends the CSRF token with every htmx request made from a signed-in page.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A "Print" link: the Content-Security-Policy refuses javascript: URLs, so the link says data-print instead.
document.addEventListener('click', function (event) {
  var link = event.target.closest ? event.target.closest('[data-print]') : null;
  if (link) {
    event.preventDefault();
    window.print();
  }
});
