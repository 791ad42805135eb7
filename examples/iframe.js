// The portal's side of an iframe embedding: accept messages only from the app's origin, and hand the
// app its access token once it says it is ready.
const frame = document.getElementById('tyokyky-frame');
const appOrigin = new URL(frame.src).origin;

window.addEventListener('message', (event) => {
  if (event.origin !== appOrigin || typeof event.data !== 'object' || event.data === null) return;
  const { type, detail = {} } = event.data;
  const item = document.createElement('li');
  item.textContent = `${type} ${detail.kind || detail.mode || ''} ${detail.reference || ''}`.trim();
  document.getElementById('messages').append(item);
  if (type === 'tyokyky:ready') {
    frame.contentWindow.postMessage({ type: 'tyokyky:set-token', token: 'portal-session-token' }, appOrigin);
  }
});
