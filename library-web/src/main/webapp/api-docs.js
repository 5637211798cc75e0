// Browses the OpenAPI document that MicroProfile OpenAPI serves at /openapi.
window.addEventListener('load', function () {
    window.ui = SwaggerUIBundle({
        url: '/openapi',
        dom_id: '#swagger-ui',
        deepLinking: true
    });
});
