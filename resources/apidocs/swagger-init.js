// Starts Swagger UI on /docs. A file of its own (not an inline script) so the page keeps a strict
// Content-Security-Policy. validatorUrl null: Swagger UI would otherwise send the document to an
// online validator; the page must reach nothing but this server.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
