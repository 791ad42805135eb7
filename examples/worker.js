// The case system's side: the signed-in worker's token, and the case open on the screen. It passes who
// the worker is and the case's own reference, never a personal identity code. The token must carry the
// worker role (here the inbox's --read-token; with OpenID Connect, the worker's own access token): the flow
// lists and reopens drafts and plans, which a submitting token may not.
window.tyokykyConfig = {
  token: 'case-worker-token',
  case: {
    organisation: 'Esimerkin hyvinvointialue, työikäisten sosiaalityö',
    caseReference: 'ASIA-2026-0042',
    worker: { name: 'Testi Ohjaaja', role: 'sosiaaliohjaaja', phone: '040 000 0001', email: 'testi.ohjaaja@example.fi' },
    clientName: 'Testi Asiakas',
  },
};

for (const name of ['tyokyky:ready', 'tyokyky:submitted', 'tyokyky:error']) {
  document.addEventListener(name, (event) => {
    const detail = event.detail || {};
    const item = document.createElement('li');
    item.textContent = `${name} ${detail.kind || detail.mode || ''} ${detail.reference || detail.message || ''}`.trim();
    document.getElementById('events').append(item);
  });
}

// Signing out on a shared computer: the component drops the token and leaves nothing of the case in this
// browser (signOut() on each handle the loader mounted), then the case system shows its own sign-in.
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('sign-out').addEventListener('click', async () => {
    const loader = await import(document.querySelector('script[src$="embed-worker.js"]').src);
    for (const handle of loader.mounted) handle.signOut();
    document.querySelector('.portal-main').textContent = 'Olet kirjautunut ulos.';
  });
});
