/*
 * Live availability: a page that shows copies (elements with data-live-book="<book id>") listens on
 * the library's WebSocket and rewrites them as loans, returns and holds commit on any instance.
 * data-live-show says what the element shows: "of" ("2 of 3"), "available" ("2") or "onHold" ("1").
 * The page's <html> element carries data-live="open" while it listens (the browser tests wait for it).
 */
(function () {
    'use strict';
    if (!document.querySelector('[data-live-book]') || !window.WebSocket) {
        return;
    }
    var script = document.querySelector('script[src*="live.js"]');
    var base = script ? script.getAttribute('src').split('/jakarta.faces.resource/')[0] : '';
    var root = document.documentElement;

    function show(element, book) {
        var what = element.getAttribute('data-live-show');
        var text = what === 'of' ? book.available + ' of ' + book.copies
            : what === 'onHold' ? String(book.onHold) : String(book.available);
        if (element.textContent !== text) {
            element.textContent = text;
            element.classList.add('live-changed');
            window.setTimeout(function () { element.classList.remove('live-changed'); }, 2000);
        }
        if (what !== 'onHold') {
            element.classList.toggle('ok', book.available > 0);
            element.classList.toggle('none', book.available <= 0);
        }
    }

    function connect(delay) {
        var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + base + '/live/availability');
        socket.onopen = function () {
            delay = 1000;
            root.setAttribute('data-live', 'open');
        };
        socket.onmessage = function (event) {
            JSON.parse(event.data).books.forEach(function (book) {
                document.querySelectorAll('[data-live-book="' + book.id + '"]').forEach(function (element) {
                    show(element, book);
                });
            });
        };
        socket.onclose = function () {
            root.setAttribute('data-live', 'closed');
            // a server restarting, a network gone: try again, less and less often
            window.setTimeout(function () { connect(Math.min(delay * 2, 60000)); }, delay);
        };
    }

    connect(1000);
}());
