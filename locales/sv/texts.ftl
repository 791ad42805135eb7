### The questionnaire's and the rules' texts in Swedish: each under the hash of its Finnish (its `t-` id),
### the Finnish in the comment above it. `tyokyky-rules languages report` lists what is missing and what
### no text uses any more (after its Finnish changed); `tyokyky-rules languages template --tag sv`
### writes the missing ones to fill in (docs/languages.md).

## rules/questionnaires/self_assessment.toml

# Oma arvio työkyvystä ja arjesta
t-6c77d5871c02e1d3 = Egen bedömning av arbetsförmåga och vardag

# Kerro tilanteestasi ja toiveistasi. Saat ehdotuksia palveluista, jotka voisivat auttaa. Vastaat nimettömänä, ja voit ohittaa minkä tahansa kysymyksen.
t-c9d05d1677a253d2 = Berätta om din situation och dina önskemål. Du får förslag på tjänster som kunde hjälpa. Du svarar anonymt och kan hoppa över vilken fråga som helst.

# Työkykysi nyt
t-cfc860be150ceb38 = Din arbetsförmåga nu

# Tilanteesi juuri nyt
t-3321630748eb932f = Din situation just nu

# Terveys ja arki
t-ff3d22adb2229561 = Hälsa och vardag

# Työ
t-d32e59fb7e4e8f13 = Arbete

# Taustasi
t-5d9f0235671332f9 = Din bakgrund

# Mitä toivot
t-47ed79c7fab0793b = Vad du önskar

# Huolet ja läheiset
t-c4a416448f7f4320 = Bekymmer och närstående

# Omin sanoin
t-fbb0aee7fa315f32 = Med egna ord

# Jos työkykysi parhaimmillaan on 10, montako pistettä antaisit sille nyt?
t-d607ac9cbeb0b8f4 = Om din arbetsförmåga när den är som bäst är 10, hur många poäng ger du den nu?

# Näille ryhmille on omia palveluja. Vastaus lähtee vain, jos jaat vastauksesi.
t-621c7302ade9ba30 = För de här grupperna finns egna tjänster. Svaret skickas bara om du delar dina svar.

# En pysty nyt lainkaan työhön
t-c5218b640f359834 = Jag kan inte alls arbeta nu

# Työkykyni on parhaimmillaan
t-9c478bd3ae66725d = Min arbetsförmåga är som bäst

# Onko jokin näistä totta sinulle juuri nyt?
t-a99dd8084f24affa = Stämmer något av det här för dig just nu?

# Jos jokin näistä on totta, näytämme heti, mistä saat apua jo tänään.
t-064649b1bcab5d77 = Om något av det här stämmer visar vi genast var du kan få hjälp redan i dag.

# Oma tai jonkun toisen turvallisuus on nyt vaarassa
t-6d2fdea3f7746b7e = Min egen eller någon annans säkerhet är i fara nu

# Minulla ei ole paikkaa, jossa nukkua ensi yönä
t-fd4f4fe8c2dd23be = Jag har ingen plats att sova på i natt

# Minulla ei ole rahaa ruokaan tai välttämättömiin lääkkeisiin
t-480b583938212492 = Jag har inga pengar till mat eller nödvändiga mediciner

# Ei mikään näistä
t-a34b25da8db304ee = Inget av det här

# Onko sinulla lääkärin toteama sairaus tai vamma, joka vaikeuttaa selvästi työtä tai opiskelua?
t-4afb36e0bb15655e = Har du en sjukdom eller skada, konstaterad av en läkare, som gör det klart svårare att arbeta eller studera?

# Myös mielenterveyden sairaus.
t-e1f9f5afbd6b3469 = Också en psykisk sjukdom.

# Sairaus tai vamma voi avata esimerkiksi Kelan kuntoutuksen.
t-8da89d004349353d = En sjukdom eller skada kan till exempel ge rätt till rehabilitering via FPA.

# Käytkö sen vuoksi lääkärillä, hoitajalla tai terapeutilla?
t-1b191023ff4f21c3 = Går du till en läkare, en sjukskötare eller en terapeut för det?

# Hoitava lääkäri voi kirjoittaa lausunnon, jota tarvitaan esimerkiksi Kelan kuntoutukseen.
t-1bae548eb50a25a9 = Läkaren som vårdar dig kan skriva ett utlåtande, som behövs till exempel för FPA:s rehabilitering.

# Kuinka paljon jaksaisit nyt olla mukana toiminnassa kodin ulkopuolella?
t-d208b4e5c7644458 = Hur mycket skulle du nu orka delta i verksamhet utanför hemmet?

# Esimerkiksi ryhmä, työpaja tai kurssi. Moni palvelu vaatii vähintään neljä tuntia kerran viikossa.
t-da0b742f589057bc = Till exempel en grupp, en verkstad eller en kurs. Många tjänster kräver minst fyra timmar en gång i veckan.

# En juuri nyt jaksaisi
t-51c78e979d838859 = Jag skulle inte orka just nu

# Alle neljä tuntia kerrallaan
t-f0df644616bf576d = Under fyra timmar åt gången

# Yhtenä päivänä viikossa, vähintään neljä tuntia
t-2802e79079a8c446 = En dag i veckan, minst fyra timmar

# Useana päivänä viikossa, vähintään neljä tuntia
t-79e92a85b1346ac8 = Flera dagar i veckan, minst fyra timmar

# Olisiko sinulle apua, jos joku tulisi kanssasi tapaamisiin?
t-fa715de237040e15 = Skulle det hjälpa dig om någon följde med dig till möten?

# Tukihenkilö voi sopia ajat kanssasi ja lähteä mukaan lääkäriin, virastoon tai työpaikalle.
t-c681059370117048 = En stödperson kan komma överens om tiderna med dig och följa med till läkaren, ett ämbetsverk eller en arbetsplats.

# Oletko ilmoittautunut työttömäksi työnhakijaksi?
t-7b3f1d21312b9d43 = Har du anmält dig som arbetslös arbetssökande?

# Kuntasi työllisyyspalveluissa (ennen TE-toimisto).
t-596234a0c734f5ad = Hos kommunens sysselsättningstjänster (tidigare TE-byrån).

# Työnhakija voi saada työllisyyspalveluja, kuten valmennusta tai työkokeilun.
t-845a6b0dd2a8a79b = En arbetssökande kan få sysselsättningstjänster, som träning eller arbetsprövning.

# Jaksaisitko nyt osallistua työllisyyspalveluihin tai tehdä työtä?
t-48020882e47d7824 = Skulle du nu orka delta i sysselsättningstjänster eller arbeta?

# Vastaa oman tuntumasi mukaan.
t-1907910e119f756f = Svara som det känns för dig.

# Jos et vielä jaksa, ehdotamme ensin tukea, joka auttaa jaksamaan.
t-0b61586f3b3bcaf2 = Om du inte orkar ännu föreslår vi först stöd som hjälper dig att orka.

# Koskeeko jokin näistä sinua?
t-8d7ca7dd8b1a36bf = Gäller något av det här dig?

# Osa palveluista on tarkoitettu juuri näille ryhmille: nuorille ilman tutkintoa, ikääntyneille työttömille, Suomeen muuttaneille ja vankilasta vapautuneille. Vastaus lähtee eteenpäin vain, jos jaat vastauksesi yhteydenottopyynnön mukana.
t-a14b6fb2a8c23dfc = En del tjänster är avsedda just för de här grupperna: unga utan examen, äldre arbetslösa, personer som flyttat till Finland och personer som friats från fängelse. Svaret skickas bara om du delar dina svar med en kontaktbegäran.

# Olen alle 30 enkä ole suorittanut ammatillista tutkintoa
t-0d45e4e161548766 = Jag är under 30 år och har ingen yrkesexamen

# Olen 55 tai vanhempi
t-a24b946b245b1647 = Jag är 55 år eller äldre

# Olen muuttanut Suomeen muualta
t-4aeedaf891bbbf3d = Jag har flyttat till Finland från ett annat land

# Olen vapautunut vankilasta vuoden sisällä
t-b506b18ffe799a76 = Jag har friats från fängelse under det senaste året

# Mitä toivoisit nyt eniten?
t-14122a4330a3d8dd = Vad önskar du dig mest just nu?

# Valitse tärkein.
t-68fd6e538cf4cf3f = Välj det viktigaste.

# Ehdotamme palveluja, jotka vievät sinne, minne haluat. Muista toiveista voit puhua työntekijän kanssa.
t-3e7b2200cd88d257 = Vi föreslår tjänster som leder dit du vill. Om andra önskemål kan du tala med den anställda.

# Päästä töihin
t-603f3fdbdb6e1220 = Att komma i arbete

# Aloittaa opinnot tai koulutus
t-fd3d5a4e94af85fd = Att börja studera eller gå en utbildning

# Saada kuntoutusta ja voida paremmin
t-c70d52dbe56bead9 = Att få rehabilitering och må bättre

# Selvittää, voisinko saada eläkkeen
t-63d87fe5d3dc3f48 = Att utreda om jag kunde få pension

# Jotakin mielekästä tekemistä ja seuraa
t-9ba92defaf3b84d2 = Något meningsfullt att göra och sällskap

# Oletko jo hakenut työkyvyttömyyseläkettä?
t-16b26c90312082dc = Har du redan ansökt om sjukpension?

# Myös kielteinen päätös auttaa suunnittelemaan seuraavia askelia.
t-47aa6ba1f5521cb5 = Också ett avslag hjälper att planera nästa steg.

# En ole hakenut
t-a41ee923f16be48a = Nej, jag har inte ansökt

# Olen hakenut ja odotan päätöstä
t-1b77b6399a858f68 = Jag har ansökt och väntar på beslut

# Sain kielteisen päätöksen
t-81ea9d8f8a7cc0f1 = Jag fick avslag

# Saan osatyökyvyttömyyseläkettä tai kuntoutustukea
t-3877b37e89e0df74 = Jag får partiell sjukpension eller rehabiliteringsstöd

# Mikä näistä huolettaa sinua nyt?
t-869260ee84ab4c44 = Vad av det här oroar dig nu?

# Voit valita useamman.
t-21aba41260a68f1f = Du kan välja flera.

# Kaikkiin näihin saa apua, esimerkiksi aikuissosiaalityöstä tai talous- ja velkaneuvonnasta.
t-d6e065bf250d88f1 = Det finns hjälp med allt det här, till exempel inom socialt arbete för vuxna eller ekonomi- och skuldrådgivningen.

# Rahan riittäminen arkeen
t-474a1d22ec2f4055 = Att pengarna ska räcka till vardagen

# Asuminen, esimerkiksi vuokra
t-f7462904c45fd697 = Boendet, till exempel hyran

# Velat tai maksuhäiriömerkintä
t-47870bf0c4cfa47f = Skulder eller betalningsanmärkning

# Yksinäisyys
t-c080f14ac911707d = Ensamhet

# Arjesta selviytyminen
t-87ffa32d479e5f79 = Att klara vardagen

# Jokin muu
t-f796d3f6b616677d = Något annat

# Huolehditko lapsista tai jostakusta muusta, joka tarvitsee apuasi?
t-5bdb5f1cff5b6f5c = Tar du hand om barn eller någon annan som behöver din hjälp?

# Silloin myös heidän tilanteensa voidaan ottaa huomioon.
t-df757941d4cef9af = Då kan också deras situation beaktas.

# Vaikeuttaako jokin näistä arkeasi?
t-82084d015faa8b96 = Gör något av det här din vardag svår?

# Mielen pulmiin ja riippuvuuksiin saa apua siinä missä muihinkin terveysasioihin, myös jos et ole lopettanut.
t-fa4c4696d8febedb = För psykisk ohälsa och beroenden får man hjälp precis som för annan hälsa, också om man inte har slutat.

# Mieliala tai huoli mielenterveydestä
t-485054a2169812e4 = Humöret eller oro för den psykiska hälsan

# Alkoholi, huumeet tai rahapelit
t-055b33a332c451f5 = Alkohol, droger eller penningspel

# Ei kumpikaan
t-e816d2750a69f604 = Inget av dem

# Haluatko kertoa vielä jotakin omin sanoin?
t-c7f077b44b528c29 = Vill du ännu berätta något med egna ord?

# Esimerkiksi mikä sujuu hyvin tai mitä toivot.
t-c1037208bce64783 = Till exempel vad som går bra eller vad du önskar.

## rules/shl/s036_palvelutarpeen_arviointi.toml

# Kiireellinen avun tarve arvioidaan heti: ohjaa sosiaalipäivystykseen tai hätänumeroon 112, älä jonoon.
t-3d2a2bb42661f0d1 = Ett brådskande hjälpbehov bedöms genast: hänvisa till socialjouren eller nödnumret 112, inte till kön.

# Asiakkaalla on oikeus palvelutarpeen arviointiin, ja se tehdään.
t-79f0176bbfe0fdef = Klienten har rätt till en bedömning av servicebehovet, och den görs.

# Arvioinnista voi luopua vain, jos se on ilmeisen tarpeeton: kirjaa peruste.
t-03df9da565815bfd = Bedömningen kan lämnas bort bara om den är uppenbart onödig: skriv ner grunden.

# Palvelutarpeen arviointi on aloitettava viimeistään seitsemäntenä arkipäivänä yhteydenotosta.
t-c22938274c65bacb = Bedömningen av servicebehovet ska inledas senast den sjunde vardagen efter kontakten.

# Asia tuli vireille muuten, mutta asiakas tai hänen läheisensä otti myöhemmin itse yhteyttä: arviointi on aloitettava viimeistään seitsemäntenä arkipäivänä tästä yhteydenotosta.
t-bc83367a813c2e17 = Ärendet inleddes på annat sätt, men klienten eller en närstående tog senare själv kontakt: bedömningen ska inledas senast den sjunde vardagen efter den kontakten.

# Erityistä tukea tarvitsevan lapsen arviointi on aloitettava viimeistään seitsemäntenä arkipäivänä vireilletulosta.
t-8a259b8d02100683 = Bedömningen av ett barn i behov av särskilt stöd ska inledas senast den sjunde vardagen efter att ärendet inletts.

# Erityistä tukea tarvitsevan lapsen arvioinnin on valmistuttava viimeistään kolmen kuukauden kuluessa vireilletulosta.
t-dd2b55b5a504bdbc = Bedömningen av ett barn i behov av särskilt stöd ska vara klar senast tre månader efter att ärendet inletts.

# Arviointi aloitetaan viipymättä; laissa ei ole tälle asiakkaalle päivämäärää.
t-815d5096cdfd2947 = Bedömningen inleds utan dröjsmål; lagen anger inget datum för den här klienten.

# Arviointi saatetaan loppuun ilman aiheetonta viivytystä; kiinteää määräaikaa ei ole.
t-0b0a2fd8b95218ac = Bedömningen slutförs utan ogrundat dröjsmål; det finns ingen fast tidsfrist.

# Arvioinnista vastaa sosiaalihuollon ammattihenkilö (laillistettu tai nimikesuojattu).
t-a9b331f762867780 = En yrkesutbildad person inom socialvården (legitimerad eller med skyddad yrkesbeteckning) ansvarar för bedömningen.

# Erityistä tukea tarvitsevan asiakkaan arvioinnista vastaa virkasuhteessa oleva sosiaalityöntekijä.
t-2c706d23f21b9275 = För en klient i behov av särskilt stöd ansvarar en socialarbetare i tjänsteförhållande för bedömningen.

## rules/shl/s037_palvelutarpeen_arvioinnin_sisalto.toml

# Arvioinnissa on yhteenveto asiakkaan tilanteesta sekä palvelujen ja erityisen tuen tarpeesta.
t-51ef1e29bb3bb821 = Bedömningen innehåller ett sammandrag av klientens situation och behov av tjänster och särskilt stöd.

# Arvioinnissa on ammattihenkilön johtopäätökset asiakkuuden edellytyksistä.
t-cf5e8d4238317189 = Bedömningen innehåller yrkespersonens slutsatser om förutsättningarna för klientskap.

# Kirjaa asiakkaan oma näkemys palvelutarpeestaan tai ilmeinen este sen saamiselle.
t-91f35aaf43c53a65 = Skriv ner klientens egen syn på sitt servicebehov, eller det uppenbara hindret för att få den.

# Kirjaa sekä asiakkaan että ammattihenkilön arvio omatyöntekijän tarpeesta.
t-3ca8b2dd7f01d545 = Skriv ner både klientens och yrkespersonens bedömning av behovet av en egen kontaktperson.

# Kun asiakas tarvitsee tukea, arvioi onko tarve tilapäinen, toistuva vai pitkäaikainen.
t-095fa10456a879b3 = När klienten behöver stöd, bedöm om behovet är tillfälligt, återkommande eller långvarigt.

## rules/shl/s039_asiakassuunnitelma.toml

# Suunnitelmasta voi luopua vain, jos se on ilmeisen tarpeeton: kirjaa peruste.
t-6a66fe1d923fd059 = Planen kan lämnas bort bara om den är uppenbart onödig: skriv ner grunden.

# Asiakassuunnitelma laaditaan yhdessä asiakkaan kanssa, ellei siihen ole ilmeistä estettä (kirjaa este).
t-a6ca919a48fa060d = Klientplanen görs upp tillsammans med klienten, om det inte finns ett uppenbart hinder (skriv ner hindret).

# Suunnitelmassa on asiakkaan arvio ja ammatillinen arvio tuen tarpeesta.
t-2728a82c507a3d1b = Planen innehåller klientens och yrkespersonens bedömning av stödbehovet.

# Suunnitelmassa on arvio tarvittavista palveluista ja toimenpiteistä.
t-a183f623dff49b41 = Planen innehåller en bedömning av de tjänster och åtgärder som behövs.

# Kirjaa tarvittaessa välttämättömät sosiaalipalvelut, niiden alkaminen ja kesto.
t-3d5538920682863f = Skriv vid behov ner nödvändiga socialtjänster, när de börjar och hur länge de pågår.

# Kirjaa tarvittaessa, kuinka usein asiakas ja omatyöntekijä tapaavat.
t-f81079c69d44239a = Skriv vid behov ner hur ofta klienten och den egna kontaktpersonen träffas.

# Kirjaa tarvittaessa asiakkaan vahvuudet ja voimavarat.
t-b3f56a7f12da7491 = Skriv vid behov ner klientens styrkor och resurser.

# Suunnitelmassa on asiakkaan ja työntekijän yhdessä asettamat tavoitteet.
t-4d0c06aaeca2f3c9 = Planen innehåller mål som klienten och arbetstagaren satt upp tillsammans.

# Kirjaa tarvittaessa arvio asiakkuuden kestosta.
t-c362f91d023eaf3e = Skriv vid behov ner en bedömning av hur länge klientskapet varar.

# Suunnitelmassa on tiedot seurannasta, tavoitteiden saavuttamisesta ja tarpeiden uudelleenarvioinnista.
t-c2f118727df9522e = Planen innehåller uppgifter om uppföljning, måluppfyllelse och ny bedömning av behoven.

# Kirjaa jokaiselle yhteistyötaholle, mistä se vastaa.
t-641c7ebd21d394ab = Skriv för varje samarbetspart ner vad den ansvarar för.

# Kirjaa tarvittaessa, miten elämäntilanne ja toimintaympäristö vaikuttavat toimintakykyyn.
t-9ba01a97c9ea8368 = Skriv vid behov ner hur livssituationen och omgivningen påverkar funktionsförmågan.

# Kirjaa tarvittaessa asiakkaan ehdotus siitä, miten palvelut parhaiten toteutetaan.
t-1ed85dbf1e19ccaa = Skriv vid behov ner klientens förslag på hur tjänsterna bäst ordnas.

# Yhteinen suunnitelma jaetaan vain asiakkaan suostumuksella: kirjaa jokaisen tahon kohdalle suostumus, rajaa taho jaetun osan ulkopuolelle tai kirjaa erityislaki, joka sallii jakamisen ilman suostumusta.
t-e15ef1a238d0a163 = Den gemensamma planen delas bara med klientens samtycke: anteckna för varje part samtycke, lämna parten utanför den delade delen eller anteckna den speciallag som tillåter delning utan samtycke.

# Jakaminen ilman asiakkaan suostumusta on poikkeus, joka perustuu erityislakiin: kirjaa säännös jokaisen tällaisen tahon kohdalle.
t-57dd9ba4d985628a = Delning utan klientens samtycke är ett undantag som grundar sig på en speciallag: anteckna bestämmelsen för varje sådan part.

# Suunnitelma tarkistetaan viimeistään sovittuna tarkistuspäivänä: kun päivä on mennyt, tarkista suunnitelma ja sovi seuraava tarkistuspäivä.
t-517cf81d61732732 = Planen ses över senast på den överenskomna dagen: när dagen har passerat, se över planen och kom överens om nästa dag.

## rules/shl/s040_ilmoitus_muulle_viranomaiselle.toml

# Ota yhteyttä ensisijaisesti vastuussa olevaan viranomaiseen (esim. työvoimaviranomainen, Kela) vasta asiakkaan suostumuksella.
t-60a444719abcb10b = Kontakta den myndighet som i första hand ansvarar (t.ex. arbetskraftsmyndigheten, FPA) först med klientens samtycke.

## rules/shl/s042_omatyontekija.toml

# Asiakkaalle nimetään omatyöntekijä asiakkuuden ajaksi.
t-fa98003fe7256606 = Klienten får en egen kontaktperson för den tid klientskapet varar.

# Omatyöntekijän voi jättää nimeämättä vain, jos muu vastaava työntekijä on jo nimetty tai nimeäminen on ilmeisen tarpeetonta. Kirjaa, mihin poikkeus perustuu: laki ei sitä vaadi, mutta se auttaa asiakasta ja seuraavaa työntekijää.
t-8b6277eb2eca3581 = En egen kontaktperson kan lämnas outsedd bara om en annan ansvarig arbetstagare redan utsetts eller om det är uppenbart onödigt. Skriv ner grunden: lagen kräver det inte, men det hjälper klienten och nästa arbetstagare.

# Omatyöntekijän on oltava sosiaalihuollon ammattihenkilö (tai perustellusti terveydenhuollon ammattihenkilö).
t-021cfb0b514f35e9 = Den egna kontaktpersonen ska vara en yrkesutbildad person inom socialvården (eller, med motivering, inom hälso- och sjukvården).

# Kirjaa, miksi terveydenhuollon ammattihenkilö on omatyöntekijänä asiakkaan palvelukokonaisuuden kannalta perusteltu.
t-de987df5145f0bab = Skriv ner varför en yrkesutbildad person inom hälso- och sjukvården är motiverad som egen kontaktperson.

# Erityistä tukea tarvitsevan asiakkaan omatyöntekijän tai hänen työparinsa on oltava laillistettu sosiaalityöntekijä virkasuhteessa.
t-8c11be91394ca052 = För en klient i behov av särskilt stöd ska den egna kontaktpersonen eller dennes arbetspar vara en legitimerad socialarbetare i tjänsteförhållande.

# Kirjaa asiakassuunnitelmaan, kuinka usein omatyöntekijä tapaa erityistä tukea tarvitsevan asiakkaan henkilökohtaisesti.
t-212a89b4509f1226 = Skriv i klientplanen hur ofta den egna kontaktpersonen personligen träffar klienten i behov av särskilt stöd.

## rules/shl/s043_laheisverkoston_kartoittaminen.toml

# Läheisverkoston kartoittaminen tarvitsee asiakkaan suostumuksen, paitsi 43 §:n kahdessa tilanteessa: kirjaa peruste.
t-e4dd503a77ed5e36 = Kartläggningen av närstående kräver klientens samtycke, utom i de två fall som 43 § nämner: skriv ner grunden.

## rules/shl/s044_hoidossa_olevan_tilanne.toml

# Selvitä asiakkaan hoidossa olevan lapsen tai muun henkilön hoidon ja tuen tarve.
t-4acf9b516e544f18 = Utred vårdbehovet och stödbehovet hos barn eller andra personer som klienten har hand om.

## rules/shl/s045_paatoksenteko_ja_toimeenpano.toml

# Päätös on pantava täytäntöön viimeistään kolmen kuukauden kuluttua vireilletulosta (pidempi aika vain erityisestä syystä).
t-9eca99c7c2637efc = Beslutet ska verkställas senast tre månader efter att ärendet inletts (längre tid bara av särskilda skäl).

# Kiireellisessä tapauksessa päätös pannaan täytäntöön viipymättä.
t-d7664a664c6347c3 = I brådskande fall verkställs beslutet utan dröjsmål.

# Jos päätös poikkeaa asiakassuunnitelmasta, poikkeaminen on perusteltava päätöksessä.
t-27c44b0dd6dea113 = Om beslutet avviker från klientplanen ska avvikelsen motiveras i beslutet.

# Lasten ja alle 23-vuotiaiden nuorten mielenterveystyön palvelua koskeva päätös on pantava täytäntöön kuukauden kuluessa tuen tarpeen toteamisesta (pidempi aika vain erityisestä syystä).
t-b5cca13475547cb7 = Ett beslut om mentalvårdsarbete för barn och unga under 23 år ska verkställas inom en månad från att stödbehovet konstaterades (längre tid bara av särskilda skäl).

## rules/vpl/s004_palvelutarpeen_arviointi.toml

# Vammaisen henkilön arvioinnista ja asiakassuunnitelmasta vastaa aina virkasuhteessa oleva sosiaalihuollon ammattihenkilö.
t-05f902964434f269 = För en person med funktionsnedsättning ansvarar alltid en yrkesutbildad person inom socialvården i tjänsteförhållande för bedömningen och klientplanen.

# Vammaisen henkilön asiakassuunnitelman tekemisestä vastaa aina virkasuhteessa oleva sosiaalihuollon ammattihenkilö.
t-fa1e6f5a7f173892 = För en person med funktionsnedsättning ansvarar alltid en yrkesutbildad person inom socialvården i tjänsteförhållande för att klientplanen görs.

## rules/facts.toml (what a fact means, shown to a worker where a finding still needs it)

# Vireilletulopäivä (SHL 34 §): hakemus tai päivä, jona työntekijä sai tietää tuen tarpeesta
t-d8a5635285f4b43d = Datum då ärendet inleddes (socialvårdslagen 34 §): ansökan eller dagen då arbetstagaren fick veta om stödbehovet

# Päivä, jona asiakas, hänen omaisensa tai läheisensä tai laillinen edustaja otti itse yhteyttä palvelujen saamiseksi (SHL 36 § 2 mom), kun asia oli tullut vireille muuten (toisen viranomaisen ilmoitus 35 §, työntekijän havainto)
t-b87f721d900eddd5 = Dag då klienten, en anhörig eller närstående till klienten eller den lagliga företrädaren själv tog kontakt för att få tjänster (socialvårdslagen 36 § 2 mom.), när ärendet hade inletts på annat sätt (en annan myndighets anmälan enligt 35 §, arbetstagarens iakttagelse)

# Kuka otti yhteyttä: asiakas, omainen tai läheinen, laillinen edustaja, toinen viranomainen (35 §) vai työntekijän oma havainto
t-f7b275c14683c719 = Vem tog kontakt: klienten, en anhörig eller närstående, en laglig företrädare, en annan myndighet (35 §) eller arbetstagarens egen iakttagelse

# Kiireellisen avun tarve (SHL 36 § 1 mom)
t-ae5d540853d82547 = Brådskande hjälpbehov (socialvårdslagen 36 § 1 mom.)

# Tarpeisiin ei voida vastata vain sosiaalihuollon toimin (SHL 40 §)
t-bf26c98e9a303a4d = Behoven kan inte mötas enbart med socialvårdens åtgärder (socialvårdslagen 40 §)

# Asiakkaan ikä vuosina
t-39f92475b811ac75 = Klientens ålder i år

# Asiakkaan syntymäpäivä: ratkaisee, onko 75-vuotias asiakas yli 75-vuotias (SHL 36 § 2 mom 1 k)
t-69e2a5b1fba55b8f = Klientens födelsedatum: avgör om en klient som är 75 år är över 75 år (socialvårdslagen 36 § 2 mom. 1 punkten)

# Saa ylintä eläkettä saavan hoitotukea (570/2007 9 § 3 mom 3 k)
t-d0ce1cd94e879f82 = Får vårdbidrag för pensionstagare enligt den högsta nivån (570/2007 9 § 3 mom. 3 punkten)

# Vammaispalvelulaissa tarkoitettu vammainen henkilö (VPL 675/2023 2 §); ammattilaisen arvio
t-61d212c88d9a9dea = Person med funktionsnedsättning enligt lagen om funktionshinderservice (675/2023 2 §); yrkespersonens bedömning

# Erityistä tukea tarvitseva henkilö (SHL 3 § 3 k) tai lapsi (3 § 6 k); ammattilaisen arvio
t-8c4887421070ddc4 = Person (socialvårdslagen 3 § 3 punkten) eller barn (3 § 6 punkten) i behov av särskilt stöd; yrkespersonens bedömning

# Asiakkaan hoidossa on lapsi tai muu henkilö (SHL 44 §)
t-df83481029e22173 = Klienten har ett barn eller en annan person i sin vård (socialvårdslagen 44 §)

# Asiakas saa päihde- tai mielenterveyspalveluja tai muita palveluja, joiden aikana hänen kykynsä huolehtia hoidosta tai kasvatuksesta arvioidaan heikentyneen, tai aloittaa vankeuden (SHL 44 § 1 mom)
t-e8fbd2e08bd8ac55 = Klienten får missbrukar- eller mentalvårdstjänster eller andra tjänster under vilka klientens förmåga att sörja för vård eller fostran bedöms vara nedsatt, eller börjar avtjäna fängelsestraff (socialvårdslagen 44 § 1 mom.)

# Palvelutarpeen arviointi on ilmeisen tarpeeton (SHL 36 § 1 mom)
t-d711b602e78acb2f = Bedömningen av servicebehovet är uppenbart onödig (socialvårdslagen 36 § 1 mom.)

# Miksi arviointi on ilmeisen tarpeeton
t-df3acd299d353c4c = Varför bedömningen är uppenbart onödig

# Asiakassuunnitelman tekemisestä vastaavan ammatti (817/2015; VPL 4 §)
t-676e716415018236 = Yrket hos den som ansvarar för att klientplanen görs upp (817/2015; lagen om funktionshinderservice 4 §)

# Asiakassuunnitelman tekemisestä vastaava on virkasuhteessa (VPL 4 §)
t-cf00d8ef80fe9540 = Den som ansvarar för att klientplanen görs upp är i tjänsteförhållande (lagen om funktionshinderservice 4 §)

# Arvioinnista vastaavan ammatti (817/2015: laillistettu sosiaalityöntekijä, sosionomi, geronomi, kuntoutuksen ohjaaja; nimikesuojattu lähihoitaja)
t-bd09a81e981bbaa6 = Yrket hos den som ansvarar för bedömningen (817/2015: legitimerad socialarbetare, socionom, geronom, rehabiliteringshandledare; närvårdare med skyddad yrkesbeteckning)

# Arvioinnista vastaava on virkasuhteessa
t-60593c9fc36cb4fe = Den som ansvarar för bedömningen är i tjänsteförhållande

# Yhteenveto asiakkaan tilanteesta sekä sosiaalipalvelujen ja erityisen tuen tarpeesta (37 § 1 k)
t-5458ee81dc699e6f = Sammandrag av klientens situation och behov av socialtjänster och särskilt stöd (37 § 1 punkten)

# Ammattihenkilön johtopäätökset asiakkuuden edellytyksistä (37 § 2 k)
t-e5f23706eb6a47d5 = Yrkespersonens slutsatser om förutsättningarna för klientskap (37 § 2 punkten)

# Asiakkaan mielipide ja näkemys palvelutarpeestaan (37 § 3 k)
t-1fdc79aab664050f = Klientens åsikt och syn på sitt servicebehov (37 § 3 punkten)

# Ilmeinen este arvioida yhteistyössä asiakkaan kanssa (37 § 3 k)
t-84eacebe7a293742 = Uppenbart hinder för att göra bedömningen i samarbete med klienten (37 § 3 punkten)

# Asiakkaan arvio omatyöntekijän tarpeesta (37 § 4 k)
t-a7561208c6fc2f3f = Klientens bedömning av behovet av en egen kontaktperson (37 § 4 punkten)

# Ammattihenkilön arvio omatyöntekijän tarpeesta (37 § 4 k)
t-849237fc498bab28 = Yrkespersonens bedömning av behovet av en egen kontaktperson (37 § 4 punkten)

# Henkilöllä on tuen tarvetta (37 §)
t-101e0dcdc9e9b962 = Personen har behov av stöd (37 §)

# Tuen tarpeen luonne: tilapäinen, toistuva tai pitkäaikainen (37 §)
t-f5c1ff574260aaea = Stödbehovets art: tillfälligt, återkommande eller långvarigt (37 §)

# Läheisverkosto kartoitetaan (43 §)
t-e65bec16a4369254 = Nätverket av närstående kartläggs (43 §)

# Peruste kartoitukselle: suostumus tai 43 §:n 1 tai 2 kohta
t-65e0888eb84dd122 = Grund för kartläggningen: samtycke eller 43 § 1 eller 2 punkten

# Hoidossa olevan lapsen tai muun henkilön hoidon ja tuen tarve on selvitetty (44 §)
t-89c8562ec4986188 = Vårdbehovet och stödbehovet hos barnet eller den andra personen i klientens vård har utretts (44 §)

# Päivä, jona asiakassuunnitelma laaditaan tai tarkistetaan (39 §): sen päivän sanamuoto pätee
t-bc0a70f1acb4e583 = Dag då klientplanen görs upp eller ses över (39 §): den lydelse som gäller den dagen tillämpas

# Asiakassuunnitelman sovittu tarkistuspäivä (39 § 3 mom); useasta sovitusta päivästä aikaisin
t-a335691fa8e1d747 = Överenskommen dag för översyn av klientplanen (39 § 3 mom.); av flera överenskomna dagar den tidigaste

# Asiakassuunnitelman laatiminen on ilmeisen tarpeetonta (39 § 1 mom)
t-e388ccec88dbb791 = Det är uppenbart onödigt att göra upp en klientplan (39 § 1 mom.)

# Miksi suunnitelma on ilmeisen tarpeeton
t-2561590743c3db2a = Varför planen är uppenbart onödig

# Suunnitelma laaditaan yhdessä asiakkaan kanssa (39 § 1 mom)
t-4777768c9b683e3f = Planen görs upp tillsammans med klienten (39 § 1 mom.)

# Ilmeinen este laatia suunnitelma yhdessä asiakkaan kanssa
t-306ff9af26a62a94 = Uppenbart hinder för att göra upp planen tillsammans med klienten

# Asiakkaan arvio ja ammatillinen arvio tuen tarpeesta (39 § 2 mom 1 k)
t-bebd82cc6426c8c9 = Klientens bedömning och den professionella bedömningen av stödbehovet (39 § 2 mom. 1 punkten)

# Asiakkaan arvio ja ammatillinen arvio tarvittavista palveluista ja toimenpiteistä (2 k)
t-941b30384dc75363 = Klientens bedömning och den professionella bedömningen av behövliga tjänster och åtgärder (2 punkten)

# Omatyöntekijän arvio välttämättömistä sosiaalipalveluista, niiden alkamisesta ja kestosta (3 k)
t-3e12ed085b385791 = Den egna kontaktpersonens bedömning av nödvändiga socialtjänster, när de börjar och hur länge de pågår (3 punkten)

# Kuinka usein asiakas ja omatyöntekijä tapaavat (4 k)
t-e24a969aa4413265 = Hur ofta klienten och den egna kontaktpersonen träffas (4 punkten)

# Asiakkaan vahvuudet ja voimavarat (5 k)
t-f9a897f681a50717 = Klientens styrkor och resurser (5 punkten)

# Yhdessä asetetut tavoitteet (6 k)
t-558ef56754f45cd0 = Mål som satts upp tillsammans (6 punkten)

# Arvio asiakkuuden kestosta (7 k)
t-9affbdf6636ca272 = Bedömning av hur länge klientskapet varar (7 punkten)

# Seuranta, tavoitteiden saavuttaminen ja tarpeiden uudelleenarviointi (9 k)
t-b46431cfe34b62d0 = Uppföljning, måluppfyllelse och ny bedömning av behoven (9 punkten)

# Elämäntilanteen ja toimintaympäristön vaikutus toimintakykyyn (10 k, 1.1.2025 alkaen)
t-2f3854eb47a05483 = Hur livssituationen och omgivningen påverkar funktionsförmågan (10 punkten, från 1.1.2025)

# Asiakkaan ehdotus palvelujen tuottamis- ja toteuttamistavasta (11 k, 1.1.2025 alkaen)
t-4b714decc447a2bd = Klientens förslag på hur tjänsterna produceras och genomförs (11 punkten, från 1.1.2025)

# Yhteistyötahojen määrä (8 k)
t-5da7afcd86d191a4 = Antal samarbetsparter (8 punkten)

# Yhteistyötahot, joiden vastuuta ei ole kirjattu (8 k)
t-46d823f77a1fee4d = Samarbetsparter vars ansvar inte har antecknats (8 punkten)

# Laaditaan yhteinen suunnitelma muiden hallinnonalojen kanssa (39 § 3 mom)
t-20baf2c4510fad46 = En gemensam plan görs upp med andra förvaltningsområden (39 § 3 mom.)

# Yhteistyötahot, joiden osalta ei ole ratkaistu, jaetaanko yhteinen suunnitelma: asiakkaan suostumusta ei ole kirjattu, tahoa ei ole rajattu jaetun osan ulkopuolelle eikä jakamiselle ole kirjattu erityislain perustetta (39 § 3 mom)
t-9498b5c5ddc5e123 = Samarbetsparter för vilka det inte är avgjort om den gemensamma planen delas: klientens samtycke har inte antecknats, parten har inte lämnats utanför den delade delen och ingen grund i en speciallag har antecknats för delningen (39 § 3 mom.)

# Yhteistyötahot, joille yhteinen suunnitelma jaetaan ilman asiakkaan suostumusta erityislain nojalla (39 § 3 mom 2 virke)
t-e371eeb245541882 = Samarbetsparter som den gemensamma planen delas med utan klientens samtycke med stöd av en speciallag (39 § 3 mom. 2 meningen)

# Erityislain nojalla jaettavat yhteistyötahot, joiden kohdalle säännöstä ei ole kirjattu
t-0a317bac9f2ffac0 = Samarbetsparter som får planen med stöd av en speciallag men för vilka bestämmelsen inte har antecknats

# Asiakkaan suostumus yhteydenottoon toiseen viranomaiseen (40 §)
t-448704147ba60b0c = Klientens samtycke till att en annan myndighet kontaktas (40 §)

# Poikkeus omatyöntekijän nimeämisestä (42 § 1 mom)
t-3ac39bb42f83c8cf = Undantag från att utse en egen kontaktperson (42 § 1 mom.)

# Poikkeuksen perustelu
t-e65c72c9136e6f9d = Motivering till undantaget

# Omatyöntekijän nimi
t-57141db099dcfc95 = Den egna kontaktpersonens namn

# Omatyöntekijän ammatti (42 § 2 mom)
t-fcde43f665b0e676 = Den egna kontaktpersonens yrke (42 § 2 mom.)

# Omatyöntekijä on virkasuhteessa
t-334fbfc2dcafc443 = Den egna kontaktpersonen är i tjänsteförhållande

# Miksi terveydenhuollon ammattihenkilö on palvelukokonaisuuden kannalta perusteltu (42 § 2 mom)
t-23ede505931b27f8 = Varför en yrkesutbildad person inom hälso- och sjukvården är motiverad med hänsyn till servicehelheten (42 § 2 mom.)

# Omatyöntekijän kanssa asiakastyötä tekevän työntekijän ammatti (42 § 3 mom)
t-6a798668058946b0 = Yrket hos den arbetstagare som gör klientarbete tillsammans med den egna kontaktpersonen (42 § 3 mom.)

# Työpari on virkasuhteessa
t-79507d0f9c9f7b0e = Arbetsparet är i tjänsteförhållande

# Päätös koskee lasten ja alle 23-vuotiaiden nuorten mielenterveystyön palvelua (SHL 25 a § 2 mom, 45 § 3 mom)
t-a3672fd0098c2b6c = Beslutet gäller en tjänst inom mentalvårdsarbete för barn och unga under 23 år (socialvårdslagen 25 a § 2 mom., 45 § 3 mom.)

# Päivä, jona tuen tarve todettiin (SHL 45 § 3 mom: kuukauden määräaika lasketaan siitä)
t-43f961dd834f90dd = Dag då stödbehovet konstaterades (socialvårdslagen 45 § 3 mom.: fristen på en månad räknas från den)

# Päätös poikkeaa asiakassuunnitelmaan kirjatusta palvelukokonaisuudesta (45 § 3 mom)
t-49351567aef5884d = Beslutet avviker från den servicehelhet som antecknats i klientplanen (45 § 3 mom.)

# Poikkeamisen perustelu päätöksessä
t-c28ef566a7a13769 = Motiveringen till avvikelsen i beslutet

# Mitä asiakas itse tavoittelee: työ, koulutus, kuntoutus, eläkeasian selvittäminen vai mielekäs tekeminen ja osallisuus
t-16221284266d5bf9 = Vad klienten själv strävar efter: arbete, utbildning, rehabilitering, att utreda pensionsfrågan eller meningsfull sysselsättning och delaktighet

# Asiakkaan oma arvio työkyvystään 0–10 (paras mahdollinen 10)
t-2f9a747b474c83c3 = Klientens egen bedömning av sin arbetsförmåga 0–10 (10 = bästa möjliga)

# Asiakas on työtön työnhakija
t-f8317f4455a87caa = Klienten är arbetslös arbetssökande

# Asiakas voi työ- ja toimintakykynsä puolesta osallistua julkisiin työvoimapalveluihin tai työhön (vrt. 189/2001 8 § 3 mom)
t-39a09930dfaaa863 = Klienten kan med tanke på sin arbets- och funktionsförmåga delta i offentliga arbetskraftstjänster eller arbete (jfr 189/2001 8 § 3 mom.)

# Asiakas jaksaa osallistua toimintaan vähintään yhtenä päivänä viikossa vähintään neljä tuntia (kuntouttavan työtoiminnan vähimmäismäärä, 189/2001 13 b §)
t-241e8ef8d3b10635 = Klienten orkar delta i verksamhet minst en dag i veckan i minst fyra timmar (minimiomfattningen för arbetsverksamhet i rehabiliteringssyfte, 189/2001 13 b §)

# Asianmukaisesti todettu sairaus, vika tai vamma heikentää olennaisesti työ- tai opiskelukykyä (vrt. 566/2005 6 §)
t-83fc83d73d948b17 = En vederbörligen konstaterad sjukdom, ett lyte eller en skada försämrar arbets- eller studieförmågan väsentligt (jfr 566/2005 6 §)

# Työllistymisen esteenä on työ- ja toimintakyvyn rajoitteita tai elämänhallinnan ongelmia, jotka eivät ratkea pelkällä konsultaatiolla (381/2023 3 § 2 mom)
t-1390843e58af6566 = Sysselsättningen hindras av begränsningar i arbets- och funktionsförmågan eller problem med livskontrollen som inte löses enbart genom konsultation (381/2023 3 § 2 mom.)

# Asiakkaalla on mielenterveys- tai päihdepalvelujen tarvetta
t-f5aae5db303252d8 = Klienten har behov av mentalvårds- eller missbrukartjänster

# Asiakas tarvitsee rinnalla kulkijaa, joka saattaa hänet palveluihin
t-32f276ce4b40b0ed = Klienten behöver någon som går vid hens sida och följer med hen till tjänsterna

# Asiakas on huolissaan rahan riittämisestä arkeen (vrt. SHL 11 § 3 k, taloudellisen tuen tarve)
t-028feff2beaf6a7f = Klienten är orolig för att pengarna ska räcka till vardagen (jfr socialvårdslagen 11 § 3 punkten, behov av ekonomiskt stöd)

# Asiakas on huolissaan asumisestaan, esimerkiksi vuokrasta tai asunnon menettämisestä (vrt. SHL 11 § 2 k)
t-a376ed9cfb6949a2 = Klienten är orolig för sitt boende, till exempel hyran eller att förlora sin bostad (jfr socialvårdslagen 11 § 2 punkten)

# Asiakas on huolissaan veloista tai maksuhäiriömerkinnästä (vrt. talous- ja velkaneuvonta, 813/2017)
t-f106c1e48a1b8f3c = Klienten är orolig för skulder eller en betalningsanmärkning (jfr ekonomi- och skuldrådgivning, 813/2017)

# Henkilö on 55-vuotias tai vanhempi, oman kertomansa mukaan (itsearvio ei kysy tarkkaa ikää)
t-2c7704e545aa4e01 = Personen är 55 år eller äldre, enligt egen uppgift (självbedömningen frågar inte efter exakt ålder)

# Henkilö on alle 30-vuotias eikä hänellä ole ammatillista tutkintoa tai korkeakoulututkintoa, oman kertomansa mukaan
t-3d5a6b9046e075b8 = Personen är under 30 år och har ingen yrkesexamen eller högskoleexamen, enligt egen uppgift

# Henkilöllä on ammatillinen tutkinto tai korkeakoulututkinto (ilman sitä: nuoret ilman ammatillista koulutusta)
t-15d0c57abad6620b = Personen har en yrkesexamen eller en högskoleexamen (utan en sådan: unga utan yrkesutbildning)

# Henkilö on muuttanut Suomeen toisesta maasta (maahanmuuttaja; vrt. kotoutumislaki 681/2023 2 §, jota sovelletaan oleskeluluvan tai rekisteröidyn oleskeluoikeuden saaneeseen). [TULKINTA: henkilön oma kertomus, ei oleskelulupaa tarkisteta]
t-fdd23be13a23ff88 = Personen har flyttat till Finland från ett annat land (invandrare; jfr integrationslagen 681/2023 2 §, som tillämpas på den som har fått uppehållstillstånd eller registrerad uppehållsrätt). [TOLKNING: personens egen uppgift, uppehållstillståndet kontrolleras inte]

# Henkilö on vapautunut vankilasta viimeisen vuoden aikana. Arkaluonteinen: kysytään vain, kun jokin palvelu on tarkoitettu vapautuville, ja aina ohitettavissa
t-887d4eca2cf18ea7 = Personen har friats från fängelse under det senaste året. Känslig uppgift: frågas bara när någon tjänst är avsedd för dem som friats, och kan alltid hoppas över

# Henkilön työkyvyttömyyseläkehakemus on hylätty (kielteinen eläkepäätös)
t-6ca9064427524a30 = Personens ansökan om sjukpension har avslagits (negativt pensionsbeslut)

# Henkilö ei ole työnhakijana työvoimaviranomaisessa eikä työssä (työvoiman ulkopuolella). [TULKINTA: itsearviossa ei-vastaus kysymykseen työnhakijana olemisesta]
t-33eef0bdb58c4040 = Personen är varken arbetssökande hos arbetskraftsmyndigheten eller i arbete (utanför arbetskraften). [TOLKNING: i självbedömningen ett nej på frågan om personen är arbetssökande]
