'use strict';
// Preloaded into configurable-http-proxy by learnbox-proxy (NODE_OPTIONS=--require), in its own
// process: the proxy keeps its routes in memory only, so killed and started again (compose
// restarts it) it would route nothing, not even the login page, until the hub next told it every
// route. Here a copy of the routes is written to the container's own files (which a restart
// keeps) each time they change, and given back to the new proxy as soon as its API answers.
// The hub stays the routes' owner: it adds and removes them as before, and its own check mends
// anything the copy had wrong.
const fs = require('fs');
const http = require('http');
const path = require('path');

const SAVED = process.env.LEARNBOX_PROXY_ROUTES || '/var/lib/learnbox-proxy/routes.json';
const EVERY_MS = 1000; // between two looks at the routes

function option(name, fallback) {
  const args = process.argv;
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith(name + '=')) return args[i].slice(name.length + 1);
    if (args[i] === name && i + 1 < args.length) return args[i + 1];
  }
  return fallback;
}

const api = { host: option('--api-ip', '127.0.0.1'), port: Number(option('--api-port', '8001')) };
const token = process.env.CONFIGPROXY_AUTH_TOKEN || '';

function call(method, route, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const request = http.request({
      ...api, method, path: '/api/routes' + route, timeout: 5000,
      headers: { Authorization: 'token ' + token, ...(data ? { 'Content-Type': 'application/json' } : {}) },
    }, (answer) => {
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('end', () => {
        if (answer.statusCode >= 300) return reject(new Error(`the proxy's API answered ${answer.statusCode}`));
        const text = Buffer.concat(chunks).toString();
        try { resolve(text ? JSON.parse(text) : null); } catch (e) { reject(e); }
      });
    });
    request.on('timeout', () => request.destroy(new Error("the proxy's API did not answer in 5 s")));
    request.on('error', reject);
    request.end(data);
  });
}

// The routes without their last activity, which changes with every request.
async function routesNow() {
  const routes = await call('GET', '');
  const now = {};
  for (const [route, data] of Object.entries(routes)) {
    const { last_activity, ...kept } = data;
    now[route] = kept;
  }
  return now;
}

function saved() {
  try { return JSON.parse(fs.readFileSync(SAVED, 'utf8')); } catch (e) { return {}; }
}

function save(text) {
  fs.mkdirSync(path.dirname(SAVED), { recursive: true });
  fs.writeFileSync(SAVED + '.new', text);
  fs.renameSync(SAVED + '.new', SAVED);
}

const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

async function keep() {
  const copy = saved();
  let current;
  for (;;) {
    try { current = await routesNow(); break; } catch (e) { await later(100); }
  }
  for (const [route, data] of Object.entries(copy)) {
    if (route in current) continue;
    try {
      await call('POST', route, data);
    } catch (refused) {
      console.error(`learnbox-proxy: the route ${route} could not be given back: ${refused.message}`);
    }
  }
  if (Object.keys(copy).length) console.error(`learnbox-proxy: ${Object.keys(copy).length} routes given back from before the restart`);
  let last = null;
  for (;;) {
    try {
      const now = JSON.stringify(await routesNow());
      if (now !== last) {
        save(now);
        last = now;
      }
    } catch (e) {
      // the proxy is busy or going: the next look
    }
    await later(EVERY_MS);
  }
}

keep();
