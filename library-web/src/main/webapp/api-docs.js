// Browses the API's OpenAPI document, read under the application's own path (through a proxy that
// forwards /library/ only, too): the page is /library/api-docs.html, the document /library/openapi.
window.addEventListener('load', function () {
    window.ui = SwaggerUIBundle({
        url: 'openapi',
        dom_id: '#swagger-ui',
        deepLinking: true
    });
});
