### The questionnaire's and the rules' texts in plain-language Finnish (selkosuomi): each under the hash of its Finnish (its `t-` id),
### the Finnish in the comment above it. `tyokyky-rules languages report` lists what is missing and what
### no text uses any more (after its Finnish changed); `tyokyky-rules languages template --tag fi-x-selko`
### writes the missing ones to fill in (docs/languages.md).

## rules/questionnaires/self_assessment.toml

# Oma arvio työkyvystä ja arjesta
t-6c77d5871c02e1d3 = Arvioi oma työkykysi ja arkesi

# Kerro tilanteestasi ja toiveistasi. Saat ehdotuksia palveluista, jotka voisivat auttaa. Vastaat nimettömänä, ja voit ohittaa minkä tahansa kysymyksen.
t-c9d05d1677a253d2 = Kerro, millainen tilanteesi on ja mitä toivot. Saat ehdotuksia palveluista, jotka voisivat auttaa sinua. Emme kysy nimeäsi. Voit jättää minkä tahansa kysymyksen väliin.

# Työkykysi nyt
t-cfc860be150ceb38 = Työkykysi nyt

# Tilanteesi juuri nyt
t-3321630748eb932f = Tilanteesi juuri nyt

# Terveys ja arki
t-ff3d22adb2229561 = Terveys ja arki

# Työ
t-d32e59fb7e4e8f13 = Työ

# Taustasi
t-5d9f0235671332f9 = Sinun taustasi

# Mitä toivot
t-47ed79c7fab0793b = Mitä toivot

# Huolet ja läheiset
t-c4a416448f7f4320 = Huolet ja läheiset ihmiset

# Omin sanoin
t-fbb0aee7fa315f32 = Kerro omin sanoin

# Jos työkykysi parhaimmillaan on 10, montako pistettä antaisit sille nyt?
t-d607ac9cbeb0b8f4 = Paras työkykysi on 10 pistettä. Montako pistettä antaisit työkyvyllesi nyt?

# Näille ryhmille on omia palveluja. Vastaus lähtee vain, jos jaat vastauksesi.
t-621c7302ade9ba30 = Näille ihmisille on omia palveluja. Vastaus lähtee vain, jos itse jaat sen.

# En pysty nyt lainkaan työhön
t-c5218b640f359834 = En pysty nyt tekemään työtä ollenkaan

# Työkykyni on parhaimmillaan
t-9c478bd3ae66725d = Työkykyni on nyt parhaimmillaan

# Onko jokin näistä totta sinulle juuri nyt?
t-a99dd8084f24affa = Onko jokin näistä totta sinulle juuri nyt?

# Jos jokin näistä on totta, näytämme heti, mistä saat apua jo tänään.
t-064649b1bcab5d77 = Jos jokin näistä on totta, näytämme heti, mistä saat apua tänään.

# Oma tai jonkun toisen turvallisuus on nyt vaarassa
t-6d2fdea3f7746b7e = Minä tai joku toinen on nyt vaarassa

# Minulla ei ole paikkaa, jossa nukkua ensi yönä
t-fd4f4fe8c2dd23be = Minulla ei ole paikkaa, jossa voin nukkua ensi yönä

# Minulla ei ole rahaa ruokaan tai välttämättömiin lääkkeisiin
t-480b583938212492 = Minulla ei ole rahaa ruokaan tai lääkkeisiin, joita tarvitsen

# Ei mikään näistä
t-a34b25da8db304ee = Ei mikään näistä

# Onko sinulla lääkärin toteama sairaus tai vamma, joka vaikeuttaa selvästi työtä tai opiskelua?
t-4afb36e0bb15655e = Onko lääkäri todennut, että sinulla on sairaus tai vamma? Onko työ tai opiskelu sen takia paljon vaikeampaa?

# Myös mielenterveyden sairaus.
t-e1f9f5afbd6b3469 = Myös mielenterveyden sairaus.

# Sairaus tai vamma voi avata esimerkiksi Kelan kuntoutuksen.
t-8da89d004349353d = Jos sinulla on sairaus tai vamma, voit ehkä saada kuntoutusta Kelalta.

# Käytkö sen vuoksi lääkärillä, hoitajalla tai terapeutilla?
t-1b191023ff4f21c3 = Käytkö sairauden tai vamman takia lääkärillä, hoitajalla tai terapeutilla?

# Hoitava lääkäri voi kirjoittaa lausunnon, jota tarvitaan esimerkiksi Kelan kuntoutukseen.
t-1bae548eb50a25a9 = Lääkäri voi kirjoittaa lausunnon. Sitä tarvitaan esimerkiksi Kelan kuntoutukseen.

# Kuinka paljon jaksaisit nyt olla mukana toiminnassa kodin ulkopuolella?
t-d208b4e5c7644458 = Kuinka paljon jaksaisit nyt olla mukana jossakin kodin ulkopuolella?

# Esimerkiksi ryhmä, työpaja tai kurssi. Moni palvelu vaatii vähintään neljä tuntia kerran viikossa.
t-da0b742f589057bc = Esimerkiksi ryhmä, työpaja tai kurssi. Moniin palveluihin pitää jaksaa ainakin 4 tuntia kerran viikossa.

# En juuri nyt jaksaisi
t-51c78e979d838859 = En jaksaisi juuri nyt

# Alle neljä tuntia kerrallaan
t-f0df644616bf576d = Alle 4 tuntia kerrallaan

# Yhtenä päivänä viikossa, vähintään neljä tuntia
t-2802e79079a8c446 = 1 päivä viikossa, ainakin 4 tuntia

# Useana päivänä viikossa, vähintään neljä tuntia
t-79e92a85b1346ac8 = 2 päivää viikossa tai enemmän, ainakin 4 tuntia

# Olisiko sinulle apua, jos joku tulisi kanssasi tapaamisiin?
t-fa715de237040e15 = Auttaisiko sinua, jos joku tulisi kanssasi tapaamisiin?

# Tukihenkilö voi sopia ajat kanssasi ja lähteä mukaan lääkäriin, virastoon tai työpaikalle.
t-c681059370117048 = Tukihenkilö voi sopia ajat kanssasi. Hän voi lähteä mukaan lääkäriin, virastoon tai työpaikalle.

# Oletko ilmoittautunut työttömäksi työnhakijaksi?
t-7b3f1d21312b9d43 = Oletko ilmoittautunut työttömäksi työnhakijaksi?

# Kuntasi työllisyyspalveluissa (ennen TE-toimisto).
t-596234a0c734f5ad = Kuntasi työllisyyspalveluissa. Ennen niitä kutsuttiin TE-toimistoksi.

# Työnhakija voi saada työllisyyspalveluja, kuten valmennusta tai työkokeilun.
t-845a6b0dd2a8a79b = Työnhakija voi saada apua työllisyyspalveluista. Se voi olla esimerkiksi valmennusta tai työkokeilu.

# Jaksaisitko nyt osallistua työllisyyspalveluihin tai tehdä työtä?
t-48020882e47d7824 = Jaksaisitko nyt tehdä työtä tai olla mukana työllisyyspalveluissa?

# Vastaa oman tuntumasi mukaan.
t-1907910e119f756f = Vastaa niin kuin itse ajattelet.

# Jos et vielä jaksa, ehdotamme ensin tukea, joka auttaa jaksamaan.
t-0b61586f3b3bcaf2 = Jos et vielä jaksa, ehdotamme ensin apua jaksamiseen.

# Koskeeko jokin näistä sinua?
t-8d7ca7dd8b1a36bf = Koskeeko jokin näistä sinua?

# Osa palveluista on tarkoitettu juuri näille ryhmille: nuorille ilman tutkintoa, ikääntyneille työttömille, Suomeen muuttaneille ja vankilasta vapautuneille. Vastaus lähtee eteenpäin vain, jos jaat vastauksesi yhteydenottopyynnön mukana.
t-a14b6fb2a8c23dfc = Jotkin palvelut on tehty juuri näille ihmisille. Vastauksesi lähtee eteenpäin vain, jos itse jaat vastauksesi.

# Olen alle 30 enkä ole suorittanut ammatillista tutkintoa
t-0d45e4e161548766 = Olen alle 30-vuotias, eikä minulla ole ammattiin valmistavaa tutkintoa

# Olen 55 tai vanhempi
t-a24b946b245b1647 = Olen 55 vuotta tai vanhempi

# Olen muuttanut Suomeen muualta
t-4aeedaf891bbbf3d = Olen muuttanut Suomeen toisesta maasta

# Olen vapautunut vankilasta vuoden sisällä
t-b506b18ffe799a76 = Olen päässyt vankilasta pois viimeisen vuoden aikana

# Mitä toivoisit nyt eniten?
t-14122a4330a3d8dd = Mitä toivoisit nyt eniten?

# Valitse tärkein.
t-68fd6e538cf4cf3f = Valitse tärkein.

# Ehdotamme palveluja, jotka vievät sinne, minne haluat. Muista toiveista voit puhua työntekijän kanssa.
t-3e7b2200cd88d257 = Ehdotamme palveluja, jotka auttavat sinua siinä, mitä toivot. Muista toiveista voit puhua työntekijän kanssa.

# Päästä töihin
t-603f3fdbdb6e1220 = Päästä töihin

# Aloittaa opinnot tai koulutus
t-fd3d5a4e94af85fd = Alkaa opiskella tai päästä koulutukseen

# Saada kuntoutusta ja voida paremmin
t-c70d52dbe56bead9 = Saada kuntoutusta ja voida paremmin

# Selvittää, voisinko saada eläkkeen
t-63d87fe5d3dc3f48 = Selvittää, voisinko saada eläkettä

# Jotakin mielekästä tekemistä ja seuraa
t-9ba92defaf3b84d2 = Saada mielekästä tekemistä ja seuraa

# Oletko jo hakenut työkyvyttömyyseläkettä?
t-16b26c90312082dc = Oletko jo hakenut työkyvyttömyyseläkettä?

# Myös kielteinen päätös auttaa suunnittelemaan seuraavia askelia.
t-47aa6ba1f5521cb5 = Työkyvyttömyyseläkettä voi saada sairauden tai vamman takia. Kerro myös, jos et saanut eläkettä. Se auttaa suunnittelemaan.

# En ole hakenut
t-a41ee923f16be48a = En ole hakenut

# Olen hakenut ja odotan päätöstä
t-1b77b6399a858f68 = Olen hakenut ja odotan päätöstä

# Sain kielteisen päätöksen
t-81ea9d8f8a7cc0f1 = Hain eläkettä, mutta en saanut sitä

# Saan osatyökyvyttömyyseläkettä tai kuntoutustukea
t-3877b37e89e0df74 = Saan osittaista eläkettä tai eläkettä vain jonkin aikaa

# Mikä näistä huolettaa sinua nyt?
t-869260ee84ab4c44 = Mikä näistä huolettaa sinua nyt?

# Voit valita useamman.
t-21aba41260a68f1f = Voit valita monta.

# Kaikkiin näihin saa apua, esimerkiksi aikuissosiaalityöstä tai talous- ja velkaneuvonnasta.
t-d6e065bf250d88f1 = Kaikkiin näihin asioihin on apua. Apua saa esimerkiksi sosiaalityöntekijältä tai velkaneuvonnasta.

# Rahan riittäminen arkeen
t-474a1d22ec2f4055 = Riittääkö raha arjen menoihin

# Asuminen, esimerkiksi vuokra
t-f7462904c45fd697 = Asuminen, esimerkiksi vuokra

# Velat tai maksuhäiriömerkintä
t-47870bf0c4cfa47f = Velat tai menetetyt luottotiedot

# Yksinäisyys
t-c080f14ac911707d = Yksinäisyys

# Arjesta selviytyminen
t-87ffa32d479e5f79 = Arjessa pärjääminen

# Jokin muu
t-f796d3f6b616677d = Jokin muu

# Huolehditko lapsista tai jostakusta muusta, joka tarvitsee apuasi?
t-5bdb5f1cff5b6f5c = Huolehditko lapsista tai jostakusta muusta, joka tarvitsee apuasi?

# Silloin myös heidän tilanteensa voidaan ottaa huomioon.
t-df757941d4cef9af = Silloin työntekijä voi ottaa huomioon myös heidän tilanteensa.

# Vaikeuttaako jokin näistä arkeasi?
t-82084d015faa8b96 = Tekeekö jokin näistä arjestasi vaikeaa?

# Mielen pulmiin ja riippuvuuksiin saa apua siinä missä muihinkin terveysasioihin, myös jos et ole lopettanut.
t-fa4c4696d8febedb = Mielen ongelmiin ja riippuvuuksiin saa apua. Apua saa, vaikka et olisi lopettanut.

# Mieliala tai huoli mielenterveydestä
t-485054a2169812e4 = Mieliala tai huoli mielenterveydestä

# Alkoholi, huumeet tai rahapelit
t-055b33a332c451f5 = Alkoholi, huumeet tai rahapelit

# Ei kumpikaan
t-e816d2750a69f604 = Ei kumpikaan

# Haluatko kertoa vielä jotakin omin sanoin?
t-c7f077b44b528c29 = Haluatko kertoa vielä jotain omin sanoin?

# Esimerkiksi mikä sujuu hyvin tai mitä toivot.
t-c1037208bce64783 = Esimerkiksi mikä menee hyvin tai mitä toivot.
