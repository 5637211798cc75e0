/**
 * What an operator watches: MicroProfile Health checks ({@code /health/live},
 * {@code /health/ready}) and the business metrics of circulation ({@code /metrics}), served by the
 * server (Payara). The request metrics of the REST API live with the API, in the web module.
 *
 * <p>Only Payara ships the MicroProfile APIs these classes implement. On a server without them
 * (GlassFish) the classes here cannot load, and {@code META-INF/beans.xml} excludes them from CDI
 * ({@code if-class-not-available}), so that the application deploys and runs there without
 * health checks and metrics. Nothing outside this package depends on them: circulation only
 * fires its events.
 */
package org.library.operations;
