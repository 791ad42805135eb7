### The questionnaire's and the rules' texts in English: each under the hash of its Finnish (its `t-` id),
### the Finnish in the comment above it. `tyokyky-rules languages report` lists what is missing and what
### no text uses any more (after its Finnish changed); `tyokyky-rules languages template --tag en`
### writes the missing ones to fill in (docs/languages.md).

## rules/questionnaires/self_assessment.toml

# Oma arvio työkyvystä ja arjesta
t-6c77d5871c02e1d3 = Your own view of your work ability and daily life

# Kerro tilanteestasi ja toiveistasi. Saat ehdotuksia palveluista, jotka voisivat auttaa. Vastaat nimettömänä, ja voit ohittaa minkä tahansa kysymyksen.
t-c9d05d1677a253d2 = Tell us about your situation and wishes, and get suggestions of services that could help. You answer anonymously and can skip any question.

# Työkykysi nyt
t-cfc860be150ceb38 = Your work ability now

# Tilanteesi juuri nyt
t-3321630748eb932f = Your situation right now

# Terveys ja arki
t-ff3d22adb2229561 = Health and daily life

# Työ
t-d32e59fb7e4e8f13 = Work

# Taustasi
t-5d9f0235671332f9 = Your background

# Mitä toivot
t-47ed79c7fab0793b = What you hope for

# Huolet ja läheiset
t-c4a416448f7f4320 = Worries and the people close to you

# Omin sanoin
t-fbb0aee7fa315f32 = In your own words

# Jos työkykysi parhaimmillaan on 10, montako pistettä antaisit sille nyt?
t-d607ac9cbeb0b8f4 = If your work ability at its best is 10, how many points is it now?

# Näille ryhmille on omia palveluja. Vastaus lähtee vain, jos jaat vastauksesi.
t-621c7302ade9ba30 = These groups have services of their own. The answer is sent only if you share your answers.

# En pysty nyt lainkaan työhön
t-c5218b640f359834 = I cannot work at all now

# Työkykyni on parhaimmillaan
t-9c478bd3ae66725d = My work ability is at its best

# Onko jokin näistä totta sinulle juuri nyt?
t-a99dd8084f24affa = Is any of these true for you right now?

# Jos jokin näistä on totta, näytämme heti, mistä saat apua jo tänään.
t-064649b1bcab5d77 = If any of these is true, we show you at once where to get help today.

# Oma tai jonkun toisen turvallisuus on nyt vaarassa
t-6d2fdea3f7746b7e = My own or someone else's safety is in danger now

# Minulla ei ole paikkaa, jossa nukkua ensi yönä
t-fd4f4fe8c2dd23be = I have nowhere to sleep tonight

# Minulla ei ole rahaa ruokaan tai välttämättömiin lääkkeisiin
t-480b583938212492 = I have no money for food or essential medicines

# Ei mikään näistä
t-a34b25da8db304ee = None of these

# Onko sinulla lääkärin toteama sairaus tai vamma, joka vaikeuttaa selvästi työtä tai opiskelua?
t-4afb36e0bb15655e = Do you have an illness or injury, diagnosed by a doctor, that makes working or studying clearly harder?

# Myös mielenterveyden sairaus.
t-e1f9f5afbd6b3469 = A mental illness too.

# Sairaus tai vamma voi avata esimerkiksi Kelan kuntoutuksen.
t-8da89d004349353d = An illness or injury can open, for example, Kela rehabilitation.

# Käytkö sen vuoksi lääkärillä, hoitajalla tai terapeutilla?
t-1b191023ff4f21c3 = Do you see a doctor, nurse or therapist for it?

# Hoitava lääkäri voi kirjoittaa lausunnon, jota tarvitaan esimerkiksi Kelan kuntoutukseen.
t-1bae548eb50a25a9 = The doctor treating you can write a statement, needed for example for Kela rehabilitation.

# Kuinka paljon jaksaisit nyt olla mukana toiminnassa kodin ulkopuolella?
t-d208b4e5c7644458 = How much could you now take part in an activity outside your home?

# Esimerkiksi ryhmä, työpaja tai kurssi. Moni palvelu vaatii vähintään neljä tuntia kerran viikossa.
t-da0b742f589057bc = For example a group, a workshop or a course. Many services need at least four hours once a week.

# En juuri nyt jaksaisi
t-51c78e979d838859 = I could not manage it right now

# Alle neljä tuntia kerrallaan
t-f0df644616bf576d = Less than four hours at a time

# Yhtenä päivänä viikossa, vähintään neljä tuntia
t-2802e79079a8c446 = One day a week, at least four hours

# Useana päivänä viikossa, vähintään neljä tuntia
t-79e92a85b1346ac8 = Several days a week, at least four hours

# Olisiko sinulle apua, jos joku tulisi kanssasi tapaamisiin?
t-fa715de237040e15 = Would it help you if someone came with you to appointments?

# Tukihenkilö voi sopia ajat kanssasi ja lähteä mukaan lääkäriin, virastoon tai työpaikalle.
t-c681059370117048 = A support worker can agree the times with you and go with you to the doctor, an office or a workplace.

# Oletko ilmoittautunut työttömäksi työnhakijaksi?
t-7b3f1d21312b9d43 = Are you registered as an unemployed job seeker?

# Kuntasi työllisyyspalveluissa (ennen TE-toimisto).
t-596234a0c734f5ad = At your municipality's employment services (formerly TE Office).

# Työnhakija voi saada työllisyyspalveluja, kuten valmennusta tai työkokeilun.
t-845a6b0dd2a8a79b = A job seeker can get employment services, such as coaching or a work trial.

# Jaksaisitko nyt osallistua työllisyyspalveluihin tai tehdä työtä?
t-48020882e47d7824 = Could you now take part in employment services or work?

# Vastaa oman tuntumasi mukaan.
t-1907910e119f756f = Answer as it feels to you.

# Jos et vielä jaksa, ehdotamme ensin tukea, joka auttaa jaksamaan.
t-0b61586f3b3bcaf2 = If you cannot manage yet, we first suggest support that helps you cope.

# Koskeeko jokin näistä sinua?
t-8d7ca7dd8b1a36bf = Does any of these apply to you?

# Osa palveluista on tarkoitettu juuri näille ryhmille: nuorille ilman tutkintoa, ikääntyneille työttömille, Suomeen muuttaneille ja vankilasta vapautuneille. Vastaus lähtee eteenpäin vain, jos jaat vastauksesi yhteydenottopyynnön mukana.
t-a14b6fb2a8c23dfc = Some services are meant for exactly these groups: young people without a qualification, older unemployed people, people who have moved to Finland and people released from prison. The answer is sent only if you share your answers with a contact request.

# Olen alle 30 enkä ole suorittanut ammatillista tutkintoa
t-0d45e4e161548766 = I am under 30 and have no vocational qualification

# Olen 55 tai vanhempi
t-a24b946b245b1647 = I am 55 or older

# Olen muuttanut Suomeen muualta
t-4aeedaf891bbbf3d = I have moved to Finland from another country

# Olen vapautunut vankilasta vuoden sisällä
t-b506b18ffe799a76 = I have been released from prison within the last year

# Mitä toivoisit nyt eniten?
t-14122a4330a3d8dd = What would you most like now?

# Valitse tärkein.
t-68fd6e538cf4cf3f = Choose the most important.

# Ehdotamme palveluja, jotka vievät sinne, minne haluat. Muista toiveista voit puhua työntekijän kanssa.
t-3e7b2200cd88d257 = We suggest services that lead where you want to go. You can talk about other wishes with the worker.

# Päästä töihin
t-603f3fdbdb6e1220 = To get into work

# Aloittaa opinnot tai koulutus
t-fd3d5a4e94af85fd = To start studies or training

# Saada kuntoutusta ja voida paremmin
t-c70d52dbe56bead9 = To get rehabilitation and feel better

# Selvittää, voisinko saada eläkkeen
t-63d87fe5d3dc3f48 = To find out whether I could get a pension

# Jotakin mielekästä tekemistä ja seuraa
t-9ba92defaf3b84d2 = Something meaningful to do, and company

# Oletko jo hakenut työkyvyttömyyseläkettä?
t-16b26c90312082dc = Have you already applied for a disability pension?

# Myös kielteinen päätös auttaa suunnittelemaan seuraavia askelia.
t-47aa6ba1f5521cb5 = A refusal, too, helps to plan the next steps.

# En ole hakenut
t-a41ee923f16be48a = No, I have not applied

# Olen hakenut ja odotan päätöstä
t-1b77b6399a858f68 = I have applied and am waiting for a decision

# Sain kielteisen päätöksen
t-81ea9d8f8a7cc0f1 = My application was turned down

# Saan osatyökyvyttömyyseläkettä tai kuntoutustukea
t-3877b37e89e0df74 = I receive a partial or fixed-term disability pension

# Mikä näistä huolettaa sinua nyt?
t-869260ee84ab4c44 = Which of these worry you at the moment?

# Voit valita useamman.
t-21aba41260a68f1f = You can choose more than one.

# Kaikkiin näihin saa apua, esimerkiksi aikuissosiaalityöstä tai talous- ja velkaneuvonnasta.
t-d6e065bf250d88f1 = There is help with all of these, for example from adult social work or financial and debt advice.

# Rahan riittäminen arkeen
t-474a1d22ec2f4055 = Having enough money to live on

# Asuminen, esimerkiksi vuokra
t-f7462904c45fd697 = Housing, for example the rent

# Velat tai maksuhäiriömerkintä
t-47870bf0c4cfa47f = Debts or a bad credit record

# Yksinäisyys
t-c080f14ac911707d = Loneliness

# Arjesta selviytyminen
t-87ffa32d479e5f79 = Managing daily life

# Jokin muu
t-f796d3f6b616677d = Something else

# Huolehditko lapsista tai jostakusta muusta, joka tarvitsee apuasi?
t-5bdb5f1cff5b6f5c = Do you look after children or someone else who needs your help?

# Silloin myös heidän tilanteensa voidaan ottaa huomioon.
t-df757941d4cef9af = Then their situation can be taken into account too.

# Vaikeuttaako jokin näistä arkeasi?
t-82084d015faa8b96 = Does any of these make everyday life hard?

# Mielen pulmiin ja riippuvuuksiin saa apua siinä missä muihinkin terveysasioihin, myös jos et ole lopettanut.
t-fa4c4696d8febedb = There is help for the mind and for addictions as for any health matter, even if you have not stopped.

# Mieliala tai huoli mielenterveydestä
t-485054a2169812e4 = My mood, or worry about my mental health

# Alkoholi, huumeet tai rahapelit
t-055b33a332c451f5 = Alcohol, drugs or gambling

# Ei kumpikaan
t-e816d2750a69f604 = Neither

# Haluatko kertoa vielä jotakin omin sanoin?
t-c7f077b44b528c29 = Is there anything else you would like to tell us in your own words?

# Esimerkiksi mikä sujuu hyvin tai mitä toivot.
t-c1037208bce64783 = For example what is going well, or what you hope for.

## rules/shl/s036_palvelutarpeen_arviointi.toml

# Kiireellinen avun tarve arvioidaan heti: ohjaa sosiaalipäivystykseen tai hätänumeroon 112, älä jonoon.
t-3d2a2bb42661f0d1 = An urgent need for help is assessed at once: route to the social emergency service or 112, never to the queue.

# Asiakkaalla on oikeus palvelutarpeen arviointiin, ja se tehdään.
t-79f0176bbfe0fdef = The client has a right to a service-need assessment, and it is made.

# Arvioinnista voi luopua vain, jos se on ilmeisen tarpeeton: kirjaa peruste.
t-03df9da565815bfd = The assessment may be left out only if it is obviously unnecessary: write down why.

# Palvelutarpeen arviointi on aloitettava viimeistään seitsemäntenä arkipäivänä yhteydenotosta.
t-c22938274c65bacb = The service-need assessment must start by the 7th working day after the contact.

# Asia tuli vireille muuten, mutta asiakas tai hänen läheisensä otti myöhemmin itse yhteyttä: arviointi on aloitettava viimeistään seitsemäntenä arkipäivänä tästä yhteydenotosta.
t-bc83367a813c2e17 = The case became pending otherwise, but the client or someone close later made contact: the assessment must start by the 7th working day after that contact.

# Erityistä tukea tarvitsevan lapsen arviointi on aloitettava viimeistään seitsemäntenä arkipäivänä vireilletulosta.
t-8a259b8d02100683 = The assessment of a child needing special support must start by the 7th working day after the case opened.

# Erityistä tukea tarvitsevan lapsen arvioinnin on valmistuttava viimeistään kolmen kuukauden kuluessa vireilletulosta.
t-dd2b55b5a504bdbc = The assessment of a child needing special support must be complete within 3 months of the case opening.

# Arviointi aloitetaan viipymättä; laissa ei ole tälle asiakkaalle päivämäärää.
t-815d5096cdfd2947 = The assessment starts without delay; the law sets no fixed date for this client.

# Arviointi saatetaan loppuun ilman aiheetonta viivytystä; kiinteää määräaikaa ei ole.
t-0b0a2fd8b95218ac = The assessment is completed without undue delay; there is no fixed time limit.

# Arvioinnista vastaa sosiaalihuollon ammattihenkilö (laillistettu tai nimikesuojattu).
t-a9b331f762867780 = A social-welfare professional (licensed or title-protected) is responsible for the assessment.

# Erityistä tukea tarvitsevan asiakkaan arvioinnista vastaa virkasuhteessa oleva sosiaalityöntekijä.
t-2c706d23f21b9275 = For a client needing special support, a social worker in public office is responsible for the assessment.

## rules/shl/s037_palvelutarpeen_arvioinnin_sisalto.toml

# Arvioinnissa on yhteenveto asiakkaan tilanteesta sekä palvelujen ja erityisen tuen tarpeesta.
t-51ef1e29bb3bb821 = The assessment contains a summary of the client's situation and need for services and special support.

# Arvioinnissa on ammattihenkilön johtopäätökset asiakkuuden edellytyksistä.
t-cf5e8d4238317189 = The assessment contains the professional's conclusions on the conditions for client status.

# Kirjaa asiakkaan oma näkemys palvelutarpeestaan tai ilmeinen este sen saamiselle.
t-91f35aaf43c53a65 = Record the client's own view of their service need, or the obvious obstacle to getting it.

# Kirjaa sekä asiakkaan että ammattihenkilön arvio omatyöntekijän tarpeesta.
t-3ca8b2dd7f01d545 = Record both the client's and the professional's view of the need for a named worker.

# Kun asiakas tarvitsee tukea, arvioi onko tarve tilapäinen, toistuva vai pitkäaikainen.
t-095fa10456a879b3 = When the client needs support, assess whether the need is temporary, recurring or long-term.

## rules/shl/s039_asiakassuunnitelma.toml

# Suunnitelmasta voi luopua vain, jos se on ilmeisen tarpeeton: kirjaa peruste.
t-6a66fe1d923fd059 = The plan may be left out only if it is obviously unnecessary: write down why.

# Asiakassuunnitelma laaditaan yhdessä asiakkaan kanssa, ellei siihen ole ilmeistä estettä (kirjaa este).
t-a6ca919a48fa060d = The client plan is made together with the client unless there is an obvious obstacle (record it).

# Suunnitelmassa on asiakkaan arvio ja ammatillinen arvio tuen tarpeesta.
t-2728a82c507a3d1b = The plan contains the client's and the professional's assessment of the need for support.

# Suunnitelmassa on arvio tarvittavista palveluista ja toimenpiteistä.
t-a183f623dff49b41 = The plan contains the assessment of the services and measures needed.

# Kirjaa tarvittaessa välttämättömät sosiaalipalvelut, niiden alkaminen ja kesto.
t-3d5538920682863f = Where needed, record the essential social services, when they start and how long they last.

# Kirjaa tarvittaessa, kuinka usein asiakas ja omatyöntekijä tapaavat.
t-f81079c69d44239a = Where needed, record how often the client and the named worker meet.

# Kirjaa tarvittaessa asiakkaan vahvuudet ja voimavarat.
t-b3f56a7f12da7491 = Where needed, record the client's strengths and resources.

# Suunnitelmassa on asiakkaan ja työntekijän yhdessä asettamat tavoitteet.
t-4d0c06aaeca2f3c9 = The plan contains goals set by the client and the worker together.

# Kirjaa tarvittaessa arvio asiakkuuden kestosta.
t-c362f91d023eaf3e = Where needed, record an estimate of how long the client relationship lasts.

# Suunnitelmassa on tiedot seurannasta, tavoitteiden saavuttamisesta ja tarpeiden uudelleenarvioinnista.
t-c2f118727df9522e = The plan says how it is followed up, how the goals are reviewed and when the needs are reassessed.

# Kirjaa jokaiselle yhteistyötaholle, mistä se vastaa.
t-641c7ebd21d394ab = Record what each partner is responsible for.

# Kirjaa tarvittaessa, miten elämäntilanne ja toimintaympäristö vaikuttavat toimintakykyyn.
t-9ba01a97c9ea8368 = Where needed, record how the life situation and environment affect the client's functioning.

# Kirjaa tarvittaessa asiakkaan ehdotus siitä, miten palvelut parhaiten toteutetaan.
t-1ed85dbf1e19ccaa = Where needed, record the client's proposal for how the services are best provided.

# Yhteinen suunnitelma jaetaan vain asiakkaan suostumuksella: kirjaa jokaisen tahon kohdalle suostumus, rajaa taho jaetun osan ulkopuolelle tai kirjaa erityislaki, joka sallii jakamisen ilman suostumusta.
t-e15ef1a238d0a163 = The joint plan is shared only with the client's consent: for each partner, record the consent, keep the partner out of the shared part, or record the special act that allows sharing without consent.

# Jakaminen ilman asiakkaan suostumusta on poikkeus, joka perustuu erityislakiin: kirjaa säännös jokaisen tällaisen tahon kohdalle.
t-57dd9ba4d985628a = Sharing without the client's consent is an exception that rests on a special act: record the provision for each such partner.

# Suunnitelma tarkistetaan viimeistään sovittuna tarkistuspäivänä: kun päivä on mennyt, tarkista suunnitelma ja sovi seuraava tarkistuspäivä.
t-517cf81d61732732 = The plan is reviewed by the agreed review date: once that day has passed, review the plan and agree the next review date.

## rules/shl/s040_ilmoitus_muulle_viranomaiselle.toml

# Ota yhteyttä ensisijaisesti vastuussa olevaan viranomaiseen (esim. työvoimaviranomainen, Kela) vasta asiakkaan suostumuksella.
t-60a444719abcb10b = Contact the authority primarily responsible (e.g. employment services, Kela) only with the client's consent.

## rules/shl/s042_omatyontekija.toml

# Asiakkaalle nimetään omatyöntekijä asiakkuuden ajaksi.
t-fa98003fe7256606 = The client gets a named worker for as long as the client relationship lasts.

# Omatyöntekijän voi jättää nimeämättä vain, jos muu vastaava työntekijä on jo nimetty tai nimeäminen on ilmeisen tarpeetonta. Kirjaa, mihin poikkeus perustuu: laki ei sitä vaadi, mutta se auttaa asiakasta ja seuraavaa työntekijää.
t-8b6277eb2eca3581 = A named worker may be left out only if another responsible worker is already named or naming one is obviously unnecessary. Write down why: the Act does not require it, but it helps the client and the next worker.

# Omatyöntekijän on oltava sosiaalihuollon ammattihenkilö (tai perustellusti terveydenhuollon ammattihenkilö).
t-021cfb0b514f35e9 = The named worker must be a social-welfare professional (or, with a justification, a health-care professional).

# Kirjaa, miksi terveydenhuollon ammattihenkilö on omatyöntekijänä asiakkaan palvelukokonaisuuden kannalta perusteltu.
t-de987df5145f0bab = Record why a health-care professional as named worker is justified for the client's services as a whole.

# Erityistä tukea tarvitsevan asiakkaan omatyöntekijän tai hänen työparinsa on oltava laillistettu sosiaalityöntekijä virkasuhteessa.
t-8c11be91394ca052 = For a client needing special support, the named worker or their co-worker must be a licensed social worker in public office.

# Kirjaa asiakassuunnitelmaan, kuinka usein omatyöntekijä tapaa erityistä tukea tarvitsevan asiakkaan henkilökohtaisesti.
t-212a89b4509f1226 = Write in the client plan how often the named worker meets the client needing special support in person.

## rules/shl/s043_laheisverkoston_kartoittaminen.toml

# Läheisverkoston kartoittaminen tarvitsee asiakkaan suostumuksen, paitsi 43 §:n kahdessa tilanteessa: kirjaa peruste.
t-e4dd503a77ed5e36 = Mapping the close network needs the client's consent, except in the two cases of 43 §: record the ground.

## rules/shl/s044_hoidossa_olevan_tilanne.toml

# Selvitä asiakkaan hoidossa olevan lapsen tai muun henkilön hoidon ja tuen tarve.
t-4acf9b516e544f18 = Assess the care and support needs of the child or other person in the client's care.

## rules/shl/s045_paatoksenteko_ja_toimeenpano.toml

# Päätös on pantava täytäntöön viimeistään kolmen kuukauden kuluttua vireilletulosta (pidempi aika vain erityisestä syystä).
t-9eca99c7c2637efc = A decision must be implemented within 3 months of the case opening (longer only for a special reason).

# Kiireellisessä tapauksessa päätös pannaan täytäntöön viipymättä.
t-d7664a664c6347c3 = In an urgent case the decision is implemented without delay.

# Jos päätös poikkeaa asiakassuunnitelmasta, poikkeaminen on perusteltava päätöksessä.
t-27c44b0dd6dea113 = If the decision departs from the client plan, the departure must be reasoned in the decision.

# Lasten ja alle 23-vuotiaiden nuorten mielenterveystyön palvelua koskeva päätös on pantava täytäntöön kuukauden kuluessa tuen tarpeen toteamisesta (pidempi aika vain erityisestä syystä).
t-b5cca13475547cb7 = A decision on a mental-health service for a child or a young person under 23 must be implemented within one month of the need being found (longer only for a special reason).

## rules/vpl/s004_palvelutarpeen_arviointi.toml

# Vammaisen henkilön arvioinnista ja asiakassuunnitelmasta vastaa aina virkasuhteessa oleva sosiaalihuollon ammattihenkilö.
t-05f902964434f269 = For a disabled person, a social-welfare professional in public office is always responsible for the assessment and the client plan.

# Vammaisen henkilön asiakassuunnitelman tekemisestä vastaa aina virkasuhteessa oleva sosiaalihuollon ammattihenkilö.
t-fa1e6f5a7f173892 = For a disabled person, a social-welfare professional in public office is always responsible for making the client plan.

## rules/facts.toml (what a fact means, shown to a worker where a finding still needs it)

# Vireilletulopäivä (SHL 34 §): hakemus tai päivä, jona työntekijä sai tietää tuen tarpeesta
t-d8a5635285f4b43d = Date the case was opened (vireilletulo, SHL 34 §)

# Päivä, jona asiakas, hänen omaisensa tai läheisensä tai laillinen edustaja otti itse yhteyttä palvelujen saamiseksi (SHL 36 § 2 mom), kun asia oli tullut vireille muuten (toisen viranomaisen ilmoitus 35 §, työntekijän havainto)
t-b87f721d900eddd5 = Day the client, a relative or close person, or the legal representative contacted the county for services (SHL 36 § 2 mom) after the case had become pending otherwise (another authority's notice under 35 §, the worker's observation)

# Kuka otti yhteyttä: asiakas, omainen tai läheinen, laillinen edustaja, toinen viranomainen (35 §) vai työntekijän oma havainto
t-f7b275c14683c719 = Who made contact: the client, a relative or close person, a legal representative, another authority (35 §) or the worker's own observation

# Kiireellisen avun tarve (SHL 36 § 1 mom)
t-ae5d540853d82547 = Urgent need for help (SHL 36 § 1 mom)

# Tarpeisiin ei voida vastata vain sosiaalihuollon toimin (SHL 40 §)
t-bf26c98e9a303a4d = The needs cannot be met by social welfare alone (SHL 40 §)

# Asiakkaan ikä vuosina
t-39f92475b811ac75 = The client's age in years

# Asiakkaan syntymäpäivä: ratkaisee, onko 75-vuotias asiakas yli 75-vuotias (SHL 36 § 2 mom 1 k)
t-69e2a5b1fba55b8f = The client's date of birth: decides whether a client aged 75 is over 75 (SHL 36 § 2 mom 1 k)

# Saa ylintä eläkettä saavan hoitotukea (570/2007 9 § 3 mom 3 k)
t-d0ce1cd94e879f82 = Receives the highest pensioner's care allowance (570/2007 9 § 3 mom 3 k)

# Vammaispalvelulaissa tarkoitettu vammainen henkilö (VPL 675/2023 2 §); ammattilaisen arvio
t-61d212c88d9a9dea = A disabled person as meant in the Disability Services Act (675/2023 2 §); a professional's finding

# Erityistä tukea tarvitseva henkilö (SHL 3 § 3 k) tai lapsi (3 § 6 k); ammattilaisen arvio
t-8c4887421070ddc4 = A person (SHL 3 § 3 k) or child (3 § 6 k) needing special support; a professional's finding

# Asiakkaan hoidossa on lapsi tai muu henkilö (SHL 44 §)
t-df83481029e22173 = A child or another person is in the client's care (SHL 44 §)

# Asiakas saa päihde- tai mielenterveyspalveluja tai muita palveluja, joiden aikana hänen kykynsä huolehtia hoidosta tai kasvatuksesta arvioidaan heikentyneen, tai aloittaa vankeuden (SHL 44 § 1 mom)
t-e8fbd2e08bd8ac55 = The client receives substance-use, mental-health or other services during which their capacity to care for a child or dependant is assessed as weakened, or starts a prison sentence (SHL 44 § 1 mom)

# Palvelutarpeen arviointi on ilmeisen tarpeeton (SHL 36 § 1 mom)
t-d711b602e78acb2f = The service-need assessment is obviously unnecessary (SHL 36 § 1 mom)

# Miksi arviointi on ilmeisen tarpeeton
t-df3acd299d353c4c = Why the assessment is obviously unnecessary

# Asiakassuunnitelman tekemisestä vastaavan ammatti (817/2015; VPL 4 §)
t-676e716415018236 = Profession of the person responsible for making the client plan (817/2015; VPL 4 §)

# Asiakassuunnitelman tekemisestä vastaava on virkasuhteessa (VPL 4 §)
t-cf00d8ef80fe9540 = The person responsible for making the client plan holds a public office (VPL 4 §)

# Arvioinnista vastaavan ammatti (817/2015: laillistettu sosiaalityöntekijä, sosionomi, geronomi, kuntoutuksen ohjaaja; nimikesuojattu lähihoitaja)
t-bd09a81e981bbaa6 = Profession of the person responsible for the assessment (817/2015)

# Arvioinnista vastaava on virkasuhteessa
t-60593c9fc36cb4fe = The person responsible for the assessment holds a public office (virkasuhde)

# Yhteenveto asiakkaan tilanteesta sekä sosiaalipalvelujen ja erityisen tuen tarpeesta (37 § 1 k)
t-5458ee81dc699e6f = Summary of the client's situation and need for services and special support (37 § 1 k)

# Ammattihenkilön johtopäätökset asiakkuuden edellytyksistä (37 § 2 k)
t-e5f23706eb6a47d5 = The professional's conclusions on the conditions for client status (37 § 2 k)

# Asiakkaan mielipide ja näkemys palvelutarpeestaan (37 § 3 k)
t-1fdc79aab664050f = The client's own opinion and view of their service need (37 § 3 k)

# Ilmeinen este arvioida yhteistyössä asiakkaan kanssa (37 § 3 k)
t-84eacebe7a293742 = The obvious obstacle to assessing together with the client (37 § 3 k)

# Asiakkaan arvio omatyöntekijän tarpeesta (37 § 4 k)
t-a7561208c6fc2f3f = The client's view of the need for a named worker (37 § 4 k)

# Ammattihenkilön arvio omatyöntekijän tarpeesta (37 § 4 k)
t-849237fc498bab28 = The professional's view of the need for a named worker (37 § 4 k)

# Henkilöllä on tuen tarvetta (37 §)
t-101e0dcdc9e9b962 = The person needs support (37 §)

# Tuen tarpeen luonne: tilapäinen, toistuva tai pitkäaikainen (37 §)
t-f5c1ff574260aaea = Nature of the need: temporary, recurring or long-term (37 §)

# Läheisverkosto kartoitetaan (43 §)
t-e65bec16a4369254 = The close network is mapped (43 §)

# Peruste kartoitukselle: suostumus tai 43 §:n 1 tai 2 kohta
t-65e0888eb84dd122 = Ground for mapping: consent, or 43 § point 1 or 2

# Hoidossa olevan lapsen tai muun henkilön hoidon ja tuen tarve on selvitetty (44 §)
t-89c8562ec4986188 = The care and support needs of the child or other dependant have been assessed (44 §)

# Päivä, jona asiakassuunnitelma laaditaan tai tarkistetaan (39 §): sen päivän sanamuoto pätee
t-bc0a70f1acb4e583 = Day the client plan is made or revised (39 §): the wording in force that day applies

# Asiakassuunnitelman sovittu tarkistuspäivä (39 § 3 mom); useasta sovitusta päivästä aikaisin
t-a335691fa8e1d747 = The day agreed for reviewing the client plan (39 § 3 mom); of several agreed days, the earliest

# Asiakassuunnitelman laatiminen on ilmeisen tarpeetonta (39 § 1 mom)
t-e388ccec88dbb791 = Making a client plan is obviously unnecessary (39 § 1 mom)

# Miksi suunnitelma on ilmeisen tarpeeton
t-2561590743c3db2a = Why the plan is obviously unnecessary

# Suunnitelma laaditaan yhdessä asiakkaan kanssa (39 § 1 mom)
t-4777768c9b683e3f = The plan is made together with the client (39 § 1 mom)

# Ilmeinen este laatia suunnitelma yhdessä asiakkaan kanssa
t-306ff9af26a62a94 = The obvious obstacle to making the plan with the client

# Asiakkaan arvio ja ammatillinen arvio tuen tarpeesta (39 § 2 mom 1 k)
t-bebd82cc6426c8c9 = Client's and professional's assessment of the need for support (39 § 2 mom 1 k)

# Asiakkaan arvio ja ammatillinen arvio tarvittavista palveluista ja toimenpiteistä (2 k)
t-941b30384dc75363 = Client's and professional's assessment of the services and measures needed (2 k)

# Omatyöntekijän arvio välttämättömistä sosiaalipalveluista, niiden alkamisesta ja kestosta (3 k)
t-3e12ed085b385791 = Named worker's assessment of essential social services, their start and duration (3 k)

# Kuinka usein asiakas ja omatyöntekijä tapaavat (4 k)
t-e24a969aa4413265 = How often the client and the named worker meet (4 k)

# Asiakkaan vahvuudet ja voimavarat (5 k)
t-f9a897f681a50717 = The client's strengths and resources (5 k)

# Yhdessä asetetut tavoitteet (6 k)
t-558ef56754f45cd0 = Goals set together (6 k)

# Arvio asiakkuuden kestosta (7 k)
t-9affbdf6636ca272 = Estimate of how long the client relationship lasts (7 k)

# Seuranta, tavoitteiden saavuttaminen ja tarpeiden uudelleenarviointi (9 k)
t-b46431cfe34b62d0 = Follow-up, reaching the goals and reassessing the needs (9 k)

# Elämäntilanteen ja toimintaympäristön vaikutus toimintakykyyn (10 k, 1.1.2025 alkaen)
t-2f3854eb47a05483 = How the life situation and environment affect functioning (10 k, from 1.1.2025)

# Asiakkaan ehdotus palvelujen tuottamis- ja toteuttamistavasta (11 k, 1.1.2025 alkaen)
t-4b714decc447a2bd = The client's proposal for how services are provided (11 k, from 1.1.2025)

# Yhteistyötahojen määrä (8 k)
t-5da7afcd86d191a4 = Number of partners from other sectors (8 k)

# Yhteistyötahot, joiden vastuuta ei ole kirjattu (8 k)
t-46d823f77a1fee4d = Partners whose responsibility is not written down (8 k)

# Laaditaan yhteinen suunnitelma muiden hallinnonalojen kanssa (39 § 3 mom)
t-20baf2c4510fad46 = A joint plan is made with other administrative sectors (39 § 3 mom)

# Yhteistyötahot, joiden osalta ei ole ratkaistu, jaetaanko yhteinen suunnitelma: asiakkaan suostumusta ei ole kirjattu, tahoa ei ole rajattu jaetun osan ulkopuolelle eikä jakamiselle ole kirjattu erityislain perustetta (39 § 3 mom)
t-9498b5c5ddc5e123 = Partners for whom it is not decided whether the joint plan is shared: no consent of the client recorded, the partner not kept out of the shared part, and no special act recorded (39 § 3 mom)

# Yhteistyötahot, joille yhteinen suunnitelma jaetaan ilman asiakkaan suostumusta erityislain nojalla (39 § 3 mom 2 virke)
t-e371eeb245541882 = Partners the joint plan is shared with without the client's consent, under a special act (39 § 3 mom, 2nd sentence)

# Erityislain nojalla jaettavat yhteistyötahot, joiden kohdalle säännöstä ei ole kirjattu
t-0a317bac9f2ffac0 = Partners shared with under a special act whose provision is not written down

# Asiakkaan suostumus yhteydenottoon toiseen viranomaiseen (40 §)
t-448704147ba60b0c = The client's consent to contacting another authority (40 §)

# Poikkeus omatyöntekijän nimeämisestä (42 § 1 mom)
t-3ac39bb42f83c8cf = Exception to naming a named worker (42 § 1 mom)

# Poikkeuksen perustelu
t-e65c72c9136e6f9d = Reason for the exception

# Omatyöntekijän nimi
t-57141db099dcfc95 = The named worker's name

# Omatyöntekijän ammatti (42 § 2 mom)
t-fcde43f665b0e676 = The named worker's profession (42 § 2 mom)

# Omatyöntekijä on virkasuhteessa
t-334fbfc2dcafc443 = The named worker holds a public office (virkasuhde)

# Miksi terveydenhuollon ammattihenkilö on palvelukokonaisuuden kannalta perusteltu (42 § 2 mom)
t-23ede505931b27f8 = Why a health-care professional is justified for the client's services as a whole (42 § 2 mom)

# Omatyöntekijän kanssa asiakastyötä tekevän työntekijän ammatti (42 § 3 mom)
t-6a798668058946b0 = Profession of the worker doing client work with the named worker (42 § 3 mom)

# Työpari on virkasuhteessa
t-79507d0f9c9f7b0e = The co-worker holds a public office

# Päätös koskee lasten ja alle 23-vuotiaiden nuorten mielenterveystyön palvelua (SHL 25 a § 2 mom, 45 § 3 mom)
t-a3672fd0098c2b6c = The decision concerns a mental-health service for children and young people under 23 (SHL 25 a § 2 mom, 45 § 3 mom)

# Päivä, jona tuen tarve todettiin (SHL 45 § 3 mom: kuukauden määräaika lasketaan siitä)
t-43f961dd834f90dd = Day the need for support was found (SHL 45 § 3 mom: the one-month limit runs from it)

# Päätös poikkeaa asiakassuunnitelmaan kirjatusta palvelukokonaisuudesta (45 § 3 mom)
t-49351567aef5884d = The decision departs from the services written in the client plan (45 § 3 mom)

# Poikkeamisen perustelu päätöksessä
t-c28ef566a7a13769 = The reason for the departure, given in the decision

# Mitä asiakas itse tavoittelee: työ, koulutus, kuntoutus, eläkeasian selvittäminen vai mielekäs tekeminen ja osallisuus
t-16221284266d5bf9 = What the client aims for: work, education, rehabilitation, clarifying the pension question, or meaningful activity and participation

# Asiakkaan oma arvio työkyvystään 0–10 (paras mahdollinen 10)
t-2f9a747b474c83c3 = The client's own work-ability score 0–10 (10 = at its best)

# Asiakas on työtön työnhakija
t-f8317f4455a87caa = The client is an unemployed job seeker

# Asiakas voi työ- ja toimintakykynsä puolesta osallistua julkisiin työvoimapalveluihin tai työhön (vrt. 189/2001 8 § 3 mom)
t-39a09930dfaaa863 = The client's work and functional capacity allow taking part in public employment services or work (cf. 189/2001 8 § 3 mom)

# Asiakas jaksaa osallistua toimintaan vähintään yhtenä päivänä viikossa vähintään neljä tuntia (kuntouttavan työtoiminnan vähimmäismäärä, 189/2001 13 b §)
t-241e8ef8d3b10635 = The client can take part at least one day a week for at least four hours (the minimum of rehabilitative work activity, 189/2001 13 b §)

# Asianmukaisesti todettu sairaus, vika tai vamma heikentää olennaisesti työ- tai opiskelukykyä (vrt. 566/2005 6 §)
t-83fc83d73d948b17 = A duly diagnosed illness, defect or injury substantially reduces the ability to work or study (cf. 566/2005 6 §)

# Työllistymisen esteenä on työ- ja toimintakyvyn rajoitteita tai elämänhallinnan ongelmia, jotka eivät ratkea pelkällä konsultaatiolla (381/2023 3 § 2 mom)
t-1390843e58af6566 = Employment is held back by limits of work or functional capacity or life-management problems that consultation alone does not solve (381/2023 3 § 2 mom)

# Asiakkaalla on mielenterveys- tai päihdepalvelujen tarvetta
t-f5aae5db303252d8 = The client needs mental-health or substance-use services

# Asiakas tarvitsee rinnalla kulkijaa, joka saattaa hänet palveluihin
t-32f276ce4b40b0ed = The client needs someone to walk alongside and go with them to services

# Asiakas on huolissaan rahan riittämisestä arkeen (vrt. SHL 11 § 3 k, taloudellisen tuen tarve)
t-028feff2beaf6a7f = The client is worried about having enough money to live on (cf. SHL 11 § 3 k, need for financial support)

# Asiakas on huolissaan asumisestaan, esimerkiksi vuokrasta tai asunnon menettämisestä (vrt. SHL 11 § 2 k)
t-a376ed9cfb6949a2 = The client is worried about their housing, for example the rent or losing their home (cf. SHL 11 § 2 k)

# Asiakas on huolissaan veloista tai maksuhäiriömerkinnästä (vrt. talous- ja velkaneuvonta, 813/2017)
t-f106c1e48a1b8f3c = The client is worried about debts or a bad credit record (cf. financial and debt advice, 813/2017)

# Henkilö on 55-vuotias tai vanhempi, oman kertomansa mukaan (itsearvio ei kysy tarkkaa ikää)
t-2c7704e545aa4e01 = The person is 55 or older, by their own word (the self-assessment does not ask the exact age)

# Henkilö on alle 30-vuotias eikä hänellä ole ammatillista tutkintoa tai korkeakoulututkintoa, oman kertomansa mukaan
t-3d5a6b9046e075b8 = The person is under 30 and has no vocational qualification or higher-education degree, by their own word

# Henkilöllä on ammatillinen tutkinto tai korkeakoulututkinto (ilman sitä: nuoret ilman ammatillista koulutusta)
t-15d0c57abad6620b = The person has a vocational qualification or a higher-education degree (without one: young people without vocational training)

# Henkilö on muuttanut Suomeen toisesta maasta (maahanmuuttaja; vrt. kotoutumislaki 681/2023 2 §, jota sovelletaan oleskeluluvan tai rekisteröidyn oleskeluoikeuden saaneeseen). [TULKINTA: henkilön oma kertomus, ei oleskelulupaa tarkisteta]
t-fdd23be13a23ff88 = The person has moved to Finland from another country (an immigrant; cf. the Integration Act 681/2023 2 §, which applies to a person with a residence permit or a registered right of residence). [INTERPRETATION: the person's own word; no permit is checked]

# Henkilö on vapautunut vankilasta viimeisen vuoden aikana. Arkaluonteinen: kysytään vain, kun jokin palvelu on tarkoitettu vapautuville, ja aina ohitettavissa
t-887d4eca2cf18ea7 = The person has been released from prison within the last year. Sensitive: asked only when a service is meant for people released, and always skippable

# Henkilön työkyvyttömyyseläkehakemus on hylätty (kielteinen eläkepäätös)
t-6ca9064427524a30 = The person's application for a disability pension has been refused

# Henkilö ei ole työnhakijana työvoimaviranomaisessa eikä työssä (työvoiman ulkopuolella). [TULKINTA: itsearviossa ei-vastaus kysymykseen työnhakijana olemisesta]
t-33eef0bdb58c4040 = The person is neither registered as a job seeker nor working (outside the labour force). [INTERPRETATION: in the self-assessment, a no to the job-seeker question]
