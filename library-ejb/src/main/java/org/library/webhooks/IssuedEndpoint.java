package org.library.webhooks;

/** An endpoint just made, with its secret: the one time the secret leaves the library. */
public record IssuedEndpoint(WebhookEndpoint endpoint, String secret) {

    @Override
    public String toString() {
        return "IssuedEndpoint[" + endpoint + "]"; // never the secret
    }
}
