// The portal's side: hand the component its settings, and listen to what it says.
window.tyokykyConfig = { token: 'portal-session-token', headers: { 'X-Portal': 'esimerkki' } };

const log = (text) => {
  const item = document.createElement('li');
  item.textContent = text;
  document.getElementById('events').append(item);
};
for (const name of ['tyokyky:ready', 'tyokyky:submitted', 'tyokyky:error']) {
  document.addEventListener(name, (event) => {
    const detail = event.detail || {};
    log(`${name} ${detail.kind || detail.mode || ''} ${detail.reference || detail.message || ''}`.trim());
  });
}
