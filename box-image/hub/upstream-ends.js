'use strict';
// Preloaded into configurable-http-proxy by learnbox-proxy (NODE_OPTIONS=--require).
//
// http-proxy 1.18 pipes an upstream's response into the client's and never ends the client's when
// the upstream dies midway: Node then says 'aborted' or 'error' on the upstream's response, never
// 'end'. A git push whose bridge was killed during its build waited for ever. Here the client's
// connection is cut with the upstream's, so the client sees an unfinished answer and stops.
const httpProxy = require('http-proxy');

const create = httpProxy.createProxyServer;

function endingWithUpstream(options) {
  const proxy = create(options);
  proxy.on('proxyRes', (upstream, request, response) => {
    const cut = () => {
      if (!upstream.complete && !response.destroyed) response.destroy();
    };
    upstream.on('aborted', cut);
    upstream.on('error', cut);
    upstream.on('close', cut);
  });
  return proxy;
}

httpProxy.createProxyServer = httpProxy.createProxy = httpProxy.createServer = endingWithUpstream;
