/*
 * Web workers for pages opened from disk.
 *
 * Browsers refuse to start a web worker from a file:// URL, and the site's
 * search runs in one. When the page comes from disk, this script replaces
 * `Worker` with one that runs the worker's script in a hidden iframe of the
 * same page and passes the messages both ways, as a real worker would. Served
 * over HTTP, the browser's own `Worker` is left alone.
 *
 * It is the project's own code, loaded from the site itself: nothing is
 * fetched from the network. Its name tells the Material offline plugin that a
 * worker shim is already there (it would otherwise link one from a CDN).
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") {
    return;
  }

  function FileWorker(url) {
    var target = document.createElement("div");  // an event target for the page's side
    var frame = document.createElement("iframe");
    var queue = [];
    var inner = null;
    var worker = this;

    this._target = target;
    this.onmessage = null;
    this.onerror = null;

    function deliver(data) {
      var event = new MessageEvent("message", { data: data });
      if (typeof worker.onmessage === "function") {
        worker.onmessage(event);
      }
      target.dispatchEvent(event);
    }

    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    document.body.appendChild(frame);
    var win = frame.contentWindow;
    var doc = frame.contentDocument;

    // Inside the frame, `postMessage` answers the page, and `importScripts`
    // adds scripts in order, before the worker's own.
    win.__fileWorkerSetup = function (scope) {
      inner = scope;
      scope.postMessage = function (data) {
        setTimeout(function () { deliver(data); }, 0);
      };
      scope.importScripts = function () {
        for (var i = 0; i < arguments.length; i++) {
          scope.document.write('<script src="' + String(arguments[i]) + '"><\/script>');
        }
      };
      scope.addEventListener("error", function (event) {
        if (typeof worker.onerror === "function") {
          worker.onerror(event);
        }
      });
    };
    win.__fileWorkerReady = function () {
      var pending = queue;
      queue = null;
      pending.forEach(function (data) { worker.postMessage(data); });
    };
    doc.open();
    doc.write(
      "<!doctype html><script>__fileWorkerSetup(window)<\/script>" +
      '<script src="' + new URL(url, location.href).href + '"><\/script>' +
      "<script>__fileWorkerReady()<\/script>"
    );
    doc.close();

    this.postMessage = function (data) {
      if (queue !== null) {
        queue.push(data);
        return;
      }
      inner.dispatchEvent(new inner.MessageEvent("message", { data: data }));
    };
    this.terminate = function () {
      frame.remove();
    };
  }

  FileWorker.prototype.addEventListener = function (type, listener, options) {
    this._target.addEventListener(type, listener, options);
  };
  FileWorker.prototype.removeEventListener = function (type, listener, options) {
    this._target.removeEventListener(type, listener, options);
  };
  FileWorker.prototype.dispatchEvent = function (event) {
    return this._target.dispatchEvent(event);
  };

  window.Worker = FileWorker;
})();
