/* sofra-demo-sessions.c — sample offices and sessions, written as staff write them
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-demo-data-private.h"

enum
{
  PRISHTINE,
  MITROVICE,
  GRACANICE,
  BELGRADE,
  NIS,
};

const SofraDemoOffice sofra_demo_offices[SOFRA_DEMO_N_OFFICES] = {
  [PRISHTINE] = { "Prishtinë/Priština", "prishtine", { "Arbëresha Hoxha", "Driton Berisha" } },
  [MITROVICE] = { "Mitrovicë/Mitrovica", "mitrovice-jugut", { "Jelena Marković", "Besnik Rama" } },
  [GRACANICE] = { "Graçanicë/Gračanica", "gracanice", { "Nenad Stojanović", "Vjosa Krasniqi" } },
  [BELGRADE] = { "Belgrade", "beograd", { "Ana Petrović", "Miloš Ilić" } },
  [NIS] = { "Niš", "nis", { "Dragana Jovanović", "Arben Salihu" } },
};

const SofraDemoSession sofra_demo_sessions[] = {
  {
    "en",
    "roundtable",
    "freedom_of_movement,economy_trade",
    "sq,sr,en",
    TRUE,
    "albanian,serbian,bosniak",
    { { "mitrovice-veriut", "Community centre, main hall", MITROVICE },
      { "mitrovice-jugut", "Municipal youth centre", MITROVICE } },
    "Roundtable on everyday freedom of movement",
    "Traders, commuters and students from both parts of the town described how they move "
    "between them for work, school and health care. Waiting times, vehicle licence plates and "
    "the lack of evening public transport came up most often. The discussion was calm and "
    "practical.",
    "- Evening bus lines stop early, which keeps students and shift workers from classes and "
    "jobs.\n"
    "- Participants asked for clear information in both languages on the documents needed at "
    "crossing points.\n"
    "- Small traders lose customers when rules change without notice.",
    "- The organisation will collect written questions on documents and send them to both "
    "municipalities' liaison offices.\n"
    "- A follow-up meeting with the bus operators will be arranged.",
    NULL,
    { "Send the collected questions on travel documents to both municipal liaison offices",
      "Arrange a meeting with the regional bus operators on evening lines" },
  },
  {
    "sq",
    "community_meeting",
    "missing_persons",
    "sq",
    FALSE,
    "albanian,roma,ashkali",
    { { "prishtine", "Salla e bibliotekës së qytetit", PRISHTINE },
      { "gjakove", "Qendra kulturore", PRISHTINE } },
    "Takim me familjet e personave të zhdukur",
    "Familjet e personave të zhdukur ndanë përvojat e tyre për procesin e kërkimit dhe "
    "identifikimit. U theksua nevoja për informim të rregullt nga institucionet përgjegjëse "
    "dhe për mbështetje psikologjike. Takimi u zhvillua me respekt të ndërsjellë.",
    "- Familjet kërkojnë informata të rregullta për ecurinë e rasteve.\n"
    "- Mbështetja psikologjike mungon jashtë qyteteve të mëdha.\n"
    "- Pjesëmarrësit përshëndetën takimet e përbashkëta me familjet nga komunitetet e tjera.",
    "- Organizata do të përgatisë një listë kontaktesh të institucioneve përgjegjëse në të "
    "dyja gjuhët.\n"
    "- Takimi i radhës do të mbahet së bashku me shoqatat e familjeve nga komuniteti serb.",
    NULL,
    { "Përgatitja e listës së kontakteve në shqip dhe serbisht",
      "Ftesat për shoqatat e familjeve për takimin e përbashkët" },
  },
  {
    "sr",
    "roundtable",
    "missing_persons",
    "sr",
    FALSE,
    "serbian,montenegrin",
    { { "gracanice", "Сала Дома културе", GRACANICE },
      { "beograd", "Сала за састанке партнерске организације", BELGRADE } },
    "Округли сто удружења породица несталих",
    "Представници удружења породица несталих разговарали су о искуствима у потрази за "
    "најмилијима и о сарадњи са породицама из других заједница. Истакнуто је да је бол "
    "заједнички и да питање несталих треба да остане хуманитарно. Учесници су подржали идеју "
    "заједничког скупа.",
    "- Породице траже редовне информације о току ексхумација и идентификација.\n"
    "- Архиве и сведочења су кључни за напредак.\n"
    "- Заједнички скуп породица из различитих заједница има смисла ако остане хуманитаран.",
    "- Организација ће припремити предлог заједничког скупа удружења.\n"
    "- Учесници ће доставити контакте удружења из свог краја.",
    NULL,
    { "Припремити предлог заједничког скупа удружења породица",
      "Прикупити контакте удружења породица несталих" },
  },
  {
    "sr-Latn",
    "workshop",
    "language_rights",
    "sr,sq",
    TRUE,
    "serbian,albanian,gorani",
    { { "zvecan", "Biblioteka, čitaonica", MITROVICE },
      { "shterpce", "Sala mesne zajednice", GRACANICE } },
    "Radionica o upotrebi jezika u opštinskim službama",
    "Učesnici su razmenili iskustva sa dokumentima, natpisima i uslugama na albanskom i "
    "srpskom jeziku u opštinama. Najviše primedbi odnosilo se na netačne prevode u rešenjima i "
    "na natpise samo na jednom jeziku. Predstavnica kancelarije za zajednice objasnila je kako "
    "se podnosi pritužba.",
    "- Rešenja i obaveštenja često stižu samo na jednom jeziku ili sa lošim prevodom.\n"
    "- Mladi ne znaju kome da se obrate kada usluga nije dostupna na njihovom jeziku.\n"
    "- Postoje i dobri primeri: matična služba u jednoj opštini radi na oba jezika bez zastoja.",
    "- Organizacija će izraditi kratak vodič o podnošenju pritužbi na oba jezika.\n"
    "- Učesnici će beležiti primere u naredna dva meseca.",
    NULL,
    { "Izraditi vodič o pritužbama na albanskom i srpskom",
      "Prikupiti primere problema sa jezikom od učesnika" },
  },
  {
    "en",
    "youth_exchange",
    "youth,culture_heritage",
    "sq,bs,tr,en",
    TRUE,
    "albanian,bosniak,turkish,serbian",
    { { "prizren", "Old town, crafts workshop", PRISHTINE },
      { "novi-pazar", "Cultural centre, small hall", BELGRADE } },
    "Youth exchange: old towns, shared crafts",
    "Young people from Prizren and Novi Pazar visited each other's old town, met craftspeople "
    "and worked in mixed groups on a short photo story. Most had never visited the other town "
    "before. Language was a barrier at first; English, Bosnian and Turkish helped bridge it.",
    "- Crafts such as filigree and copper work are shared heritage and an easy starting "
    "point.\n"
    "- Participants want more time for informal contact and less time in lectures.\n"
    "- Parents' worries about travel were eased by clear information in advance.",
    "- The photo stories will be shown in both towns.\n"
    "- Participants will form an online group to plan a second exchange.",
    NULL,
    { "Organise the photo story exhibition in both towns", "Collect travel feedback from parents" },
  },
  {
    "sq",
    "workshop",
    "womens_participation,economy_trade",
    "sq,sr",
    TRUE,
    "albanian,serbian,roma",
    { { "gjilan", "Salla e Odës Ekonomike", GRACANICE },
      { "bujanovac", "Salla e shoqatës së grave", NIS } },
    "Punëtori për gratë sipërmarrëse",
    "Gra sipërmarrëse nga komunitete të ndryshme diskutuan për qasjen në kredi, tregje dhe "
    "trajnime. U shkëmbyen përvoja konkrete nga bizneset e vogla në bujqësi dhe në zejtari. "
    "Pjesëmarrëset shprehën interes për një rrjet të përbashkët.",
    "- Kreditë me kolateral janë pengesë kryesore për gratë që nuk kanë pronë në emër të "
    "tyre.\n"
    "- Panairet e përbashkëta mund të hapin tregje të reja.\n"
    "- Kujdesi për fëmijët kufizon pjesëmarrjen në trajnime.",
    "- Organizata do të ftojë institucione mikrofinanciare në takimin e ardhshëm.\n"
    "- Do të organizohet një panair i përbashkët në pranverë.",
    NULL,
    { "Ftesat për institucionet mikrofinanciare", "Plani për panairin e përbashkët të pranverës" },
  },
  {
    "sr",
    "community_meeting",
    "property,security",
    "sr",
    FALSE,
    "serbian",
    { { "leposaviq", "Месна канцеларија", MITROVICE },
      { "zubin-potok", "Сала Дома културе", MITROVICE } },
    "Састанак са мештанима о имовинским питањима",
    "Мештани су изнели проблеме са катастром, решавањем имовинских захтева и приступом "
    "пољопривредном земљишту. Правник партнерске организације објаснио је доступне поступке и "
    "рокове. Разговор је био отворен, уз неколико оштријих коментара о споро решаваним "
    "предметима.",
    "- Многи не знају у којој фази је њихов захтев.\n"
    "- Трошкови превођења и овере докумената су високи за старије мештане.\n"
    "- Потребна је бесплатна правна помоћ на терену.",
    "- Организација ће два пута месечно обезбедити правно саветовалиште у месној канцеларији.\n"
    "- Списак отворених предмета биће прослеђен надлежним службама уз сагласност мештана.",
    "Два учесника су напустила састанак незадовољна одговорима, али су касније прихватила "
    "позив у саветовалиште.",
    { "Организовати правно саветовалиште два пута месечно",
      "Проследити списак отворених имовинских предмета уз сагласност мештана" },
  },
  {
    "en",
    "online_dialogue",
    "media_narratives",
    "sq,sr,en",
    TRUE,
    "albanian,serbian",
    { { NULL, NULL, PRISHTINE }, { NULL, NULL, BELGRADE } },
    "Online dialogue: journalists on reporting across communities",
    "Journalists working in Albanian- and Serbian-language media discussed how stories about "
    "the other community are sourced and framed. They agreed that one-sided sourcing and "
    "inflammatory headlines are a shared problem. A joint fact-checking practice was proposed.",
    "- Few newsrooms have reporters who speak both languages.\n"
    "- Social media amplifies unverified claims within hours.\n"
    "- Joint reporting trips have produced more balanced stories.",
    "- Participants will draft a short voluntary code on sourcing.\n"
    "- The organisation will host a follow-up session with editors.",
    NULL,
    { "Circulate the draft voluntary code on sourcing",
      "Invite editors to the follow-up online session" },
  },
  {
    "sq",
    "youth_exchange",
    "youth,education",
    "sq,sr,en",
    TRUE,
    "albanian,serbian",
    { { "peje", "Palestra e shkollës së mesme", PRISHTINE },
      { "kraljevo", "Sportska hala, sala za sastanke", BELGRADE } },
    "Shkëmbim rinor: sport dhe dialog",
    "Të rinj nga Peja dhe Kraleva luajtën në ekipe të përziera dhe diskutuan për paragjykimet "
    "që hasin në shkollë dhe në rrjete sociale. Shumë prej tyre u takuan për herë të parë me "
    "bashkëmoshatarë nga komuniteti tjetër. Atmosfera ishte e ngrohtë.",
    "- Sporti i bën takimet më të lehta se diskutimet formale.\n"
    "- Të rinjtë kërkojnë mësim të gjuhës së tjetrit në mënyrë joformale.\n"
    "- Rrjetet sociale shpesh përhapin gjuhë urrejtjeje.",
    "- Do të organizohet një kurs bazë gjuhe shqip–serbisht për pjesëmarrësit.\n"
    "- Ekipet e përziera do të marrin pjesë në një turne në verë.",
    NULL,
    { "Organizimi i kursit bazë të gjuhës për pjesëmarrësit",
      "Regjistrimi i ekipeve të përziera për turneun e verës" },
  },
  {
    "sr-Latn",
    "mediation",
    "environment",
    "sr,sq",
    TRUE,
    "serbian,albanian",
    { { "zvecan", "Škola u selu, zbornica", MITROVICE },
      { "vushtrri", "Sala mesne zajednice", MITROVICE } },
    "Medijacija o divljoj deponiji pored puta",
    "Predstavnici dva susedna sela sastali su se zbog divlje deponije pored puta koji koriste "
    "oba sela. Razgovor je vođen uz prevod i uz prisustvo predstavnika obe opštine. Dogovoreno "
    "je zajedničko čišćenje.",
    "- Deponija ugrožava izvor vode koji koriste oba sela.\n"
    "- Nijedna opština do sada nije preuzela odvoz otpada sa tog dela puta.\n"
    "- Meštani su spremni da učestvuju u čišćenju ako dobiju opremu.",
    "- Zajednička akcija čišćenja biće održana uz opremu koju obezbeđuje organizacija.\n"
    "- Obe opštine će razmotriti postavljanje kontejnera.",
    NULL,
    { "Nabaviti rukavice, vreće i kamion za akciju čišćenja",
      "Poslati dopis obema opštinama o kontejnerima" },
  },
  {
    "en",
    "field_visit",
    "health",
    "sq,sr,rom",
    TRUE,
    "roma,ashkali,egyptian",
    { { "fushe-kosove", "Neighbourhood visits with health mediators", PRISHTINE },
      { "nis", "Neighbourhood visits with health mediators", NIS } },
    "Field visit: access to health care in Roma, Ashkali and Egyptian neighbourhoods",
    "Staff visited neighbourhoods with health mediators and spoke with families about "
    "registration with family doctors, vaccination and the cost of medicine. Missing personal "
    "documents remain the main obstacle. Every family met praised the health mediators.",
    "- Families without civil registration cannot register with a family doctor.\n"
    "- Vaccination rates improve where health mediators visit regularly.\n"
    "- Transport to hospitals is expensive for families on social assistance.",
    "- With their consent, families who lack documents will be referred to free legal aid.\n"
    "- Health mediators will share their visiting schedule with community leaders.",
    NULL,
    { "Refer families without documents to free legal aid (with their consent)",
      "Share the health mediators' schedule with community leaders" },
  },
  {
    "sr",
    "roundtable",
    "education,language_rights",
    "sr,sq",
    TRUE,
    "serbian,albanian,roma",
    { { "gracanice", "Зборница основне школе", GRACANICE },
      { "nis", "Сала Културног центра", NIS } },
    "Округли сто о учењу језика суседа у школама",
    "Наставници и родитељи разговарали су о могућностима да деца уче албански, односно српски "
    "језик као изборни предмет. Учесници су се сложили да је знање језика суседа корисно за "
    "запошљавање и свакодневни живот. Недостатак уџбеника и обучених наставника највећа је "
    "препрека.",
    "- Постоји интерес родитеља, али нема организоване наставе.\n"
    "- Ваннаставне радионице могу бити први корак.\n"
    "- Потребни су материјали прилагођени деци.",
    "- Организација ће у сарадњи са школама покренути пилот радионице језика.\n"
    "- Наставници ће разменити постојеће материјале.",
    NULL,
    { "Договорити пилот радионице језика са две школе",
      "Прикупити постојеће материјале за учење језика" },
  },
  {
    "sq",
    "roundtable",
    "security,freedom_of_movement",
    "sq,sr",
    TRUE,
    "albanian,serbian,bosniak,turkish",
    { { "mitrovice-jugut", "Salla e konferencave të hotelit", MITROVICE },
      { "prishtine", "Salla e organizatës partnere", PRISHTINE } },
    "Tryezë e rrumbullakët për sigurinë në lagje",
    "Banorët, përfaqësuesit e policisë dhe të shoqërisë civile diskutuan për ndjenjën e "
    "sigurisë në lagjet e përziera. U theksua rëndësia e policimit në komunitet dhe e "
    "komunikimit në të dyja gjuhët. Pjesëmarrësit propozuan takime të rregullta të lagjeve.",
    "- Incidentet e vogla shpesh nuk raportohen nga frika ose mosbesimi.\n"
    "- Ndriçimi i rrugëve dhe hapësirat publike ndikojnë në ndjenjën e sigurisë.\n"
    "- Patrullat me zyrtarë që flasin të dyja gjuhët japin rezultate.",
    "- Do të mbahen takime tremujore të lagjeve me policinë.\n"
    "- Organizata do të përgatisë një hartë të rrugëve pa ndriçim.",
    NULL,
    { "Caktimi i datës së takimit të parë tremujor me policinë",
      "Përgatitja e hartës së rrugëve pa ndriçim" },
  },
  {
    "en",
    "workshop",
    "media_narratives,youth",
    "sq,sr,en",
    TRUE,
    "serbian,albanian",
    { { "gracanice", "Youth centre, computer room", GRACANICE },
      { "gjilan", "Youth centre, computer room", GRACANICE } },
    "Workshop: spotting hate speech and disinformation online",
    "Students in mixed groups learned to recognise hate speech and disinformation and "
    "practised writing calm replies. Examples were taken from comment sections in both "
    "languages. Participants asked for the materials in Albanian and Serbian.",
    "- Most participants had seen insulting comments about their community in the past "
    "month.\n"
    "- Few knew the reporting tools of the platforms.\n"
    "- Humour and facts work better than insults in a reply.",
    "- The workshop materials will be translated into Albanian and Serbian.\n"
    "- Two participants from each school will run a short session for classmates.",
    NULL,
    { "Translate the workshop materials into Albanian and Serbian",
      "Support the peer sessions in the participating schools" },
  },
  {
    "sr-Latn",
    "community_meeting",
    "economy_trade",
    "sr,sq",
    TRUE,
    "albanian,serbian",
    { { "novoberde", "Sala zadružnog doma", GRACANICE },
      { "kamenice", "Sala poljoprivredne zadruge", GRACANICE } },
    "Sastanak poljoprivrednika o zajedničkom otkupu",
    "Poljoprivrednici iz albanske i srpske zajednice razgovarali su o zajedničkom nastupu "
    "prema otkupljivačima maline i mleka. Cene i rokovi isplate bili su glavna tema. Učesnici "
    "su izrazili interes za zadrugu u kojoj bi bili zastupljeni svi.",
    "- Pojedinačni proizvođači nemaju pregovaračku snagu.\n"
    "- Hladnjača u blizini bi smanjila gubitke.\n"
    "- Potrebne su informacije o pravilima za osnivanje zadruge.",
    "- Organizacija će organizovati informativni sastanak o zadrugama sa pravnikom.\n"
    "- Učesnici će prikupiti podatke o količinama za narednu sezonu.",
    NULL,
    { "Organizovati informativni sastanak o zadrugama",
      "Prikupiti podatke o očekivanim količinama maline i mleka" },
  },
  {
    "sq",
    "community_meeting",
    "migration,education",
    "sq,rom",
    FALSE,
    "ashkali,egyptian,roma,albanian",
    { { "ferizaj", "Qendra mësimore në lagje", PRISHTINE },
      { "gjakove", "Qendra mësimore në lagje", PRISHTINE } },
    "Takim me familjet e kthyera nga jashtë",
    "Familjet e kthyera nga vendet e Evropës Perëndimore folën për regjistrimin e fëmijëve në "
    "shkollë dhe për njohjen e dokumenteve. Shumë fëmijë nuk e flasin mirë gjuhën e mësimit. "
    "Qendrat mësimore në lagje u vlerësuan shumë.",
    "- Njohja e dëftesave shkollore nga jashtë zgjat me muaj.\n"
    "- Fëmijët kanë nevojë për mësim shtesë të gjuhës.\n"
    "- Familjet nuk i njohin të drejtat për ndihmë sociale.",
    "- Organizata do të shpërndajë një udhëzues për njohjen e dokumenteve.\n"
    "- Do të kërkohet zgjerimi i orëve në qendrat mësimore.",
    NULL,
    { "Shpërndarja e udhëzuesit për njohjen e dokumenteve shkollore",
      "Kërkesa për më shumë orë në qendrat mësimore" },
  },
  {
    "sr",
    "youth_exchange",
    "culture_heritage,youth",
    "sr,sq,en",
    TRUE,
    "serbian,albanian",
    { { "beograd", "Омладински културни центар", BELGRADE },
      { "prishtine", "Qendra rinore, sala e provave", PRISHTINE } },
    "Размена младих: културно наслеђе и музика",
    "Млади из Београда и Приштине посетили су културне установе и заједно снимили кратке видео "
    "записе о музици свог краја. Разговарало се о предрасудама и о томе како их медији "
    "преносе. Већина учесника први пут је боравила у другом граду.",
    "- Музика и хумор брзо руше баријере.\n"
    "- Учесници желе дуже боравке и смештај у породицама.\n"
    "- Путни трошкови су главна препрека за младе из мањих места.",
    "- Видео записи биће објављени уз сагласност свих учесника.\n"
    "- Следећа размена укључиће и младе из мањих места.",
    NULL,
    { "Прикупити сагласности за објављивање видео записа",
      "Пронаћи средства за путне трошкове младих из мањих места" },
  },
  {
    "en",
    "mediation",
    "property,culture_heritage",
    "sr,sq",
    TRUE,
    "serbian,albanian",
    { { "rahovec", "Municipal meeting room", PRISHTINE },
      { "lipjan", "Primary school, staff room", GRACANICE } },
    "Mediation on access to and care of a village cemetery",
    "Displaced families and current residents met to agree on access to a village cemetery on "
    "commemoration days and on its upkeep. Both sides spoke of how much it matters that graves "
    "are cared for. The atmosphere was tense at the start and improved during the meeting.",
    "- Families want safe access on fixed days without having to ask each time.\n"
    "- Residents offered to help with cutting the grass and repairing the fence.\n"
    "- The municipality should be part of the agreement.",
    "- A shared calendar of visiting days will be sent to the municipality and the police.\n"
    "- A joint clean-up will take place before the next commemoration day.",
    "A heated exchange about past events at the start; the mediator paused the meeting for "
    "ten minutes and the discussion continued calmly.",
    { "Send the calendar of visiting days to the municipality and the police",
      "Organise the joint clean-up before the commemoration day" },
  },
  {
    "sr-Latn",
    "online_dialogue",
    "health,womens_participation",
    "sr,sq,en",
    TRUE,
    "albanian,serbian,bosniak",
    { { NULL, NULL, NIS }, { NULL, NULL, GRACANICE } },
    "Onlajn dijalog: žene u zdravstvu",
    "Medicinske sestre i lekarke iz više opština razgovarale su o uslovima rada, saradnji "
    "između zdravstvenih ustanova i nasilju nad zdravstvenim radnicima. Razmenjena su iskustva "
    "o upućivanju pacijenata između ustanova. Učesnice su predložile mrežu za stručnu razmenu.",
    "- Upućivanje pacijenata između ustanova često zavisi od ličnih kontakata.\n"
    "- Žene retko dolaze na rukovodeće pozicije.\n"
    "- Zajednička stručna usavršavanja bila bi dobrodošla.",
    "- Formiraće se onlajn mreža za stručnu razmenu.\n"
    "- Organizacija će istražiti mogućnost zajedničke obuke.",
    NULL,
    { "Pokrenuti onlajn mrežu za stručnu razmenu",
      "Istražiti mogućnost zajedničke obuke za medicinske sestre" },
  },
  {
    "sq",
    "roundtable",
    "culture_heritage,language_rights",
    "sq,bs,tr",
    TRUE,
    "gorani,bosniak,turkish,albanian",
    { { "dragash", "Shtëpia e kulturës", PRISHTINE },
      { "mamushe", "Salla e kuvendit komunal", PRISHTINE } },
    "Tryezë për trashëgiminë kulturore të komuniteteve më të vogla",
    "Përfaqësues të komuniteteve goran, boshnjak dhe turk diskutuan për ruajtjen e gjuhës, "
    "këngëve dhe zejeve tradicionale. U theksua se trashëgimia e tyre është pjesë e "
    "trashëgimisë së përbashkët të rajonit. Të rinjtë shprehën interes për dokumentimin e "
    "rrëfimeve të të moshuarve.",
    "- Mësimi në gjuhën amtare është i kufizuar në disa fshatra.\n"
    "- Shumë rrëfime gojore mund të humbasin brenda një brezi.\n"
    "- Festivalet lokale janë mundësi për takime mes komuniteteve.",
    "- Do të nisë një projekt i vogël për regjistrimin e rrëfimeve gojore.\n"
    "- Organizata do të mbështesë pjesëmarrjen në festivalin lokal.",
    NULL,
    { "Nisja e projektit për regjistrimin e rrëfimeve gojore",
      "Mbështetja për pjesëmarrjen në festivalin lokal" },
  },
};
const guint sofra_demo_n_sessions = G_N_ELEMENTS (sofra_demo_sessions);

const SofraDemoPhrases sofra_demo_phrases[] = {
  { "en", "Cancelled: the venue was not available. A new date will be set.",
    "Send the invitations and confirm the venue", "Done; the documents are in the shared folder.",
    "No longer needed: the municipality has taken it over." },
  { "sq", "U anulua: salla nuk ishte në dispozicion. Do të caktohet një datë e re.",
    "Dërgimi i ftesave dhe konfirmimi i sallës", "U krye; dokumentet janë në dosjen e përbashkët.",
    "Nuk nevojitet më: e ka marrë përsipër komuna." },
  { "sr", "Отказано: сала није била доступна. Биће заказан нови термин.",
    "Послати позиве и потврдити салу", "Урађено; документа су у заједничкој фасцикли.",
    "Више није потребно: општина је преузела посао." },
  { "sr-Latn", "Otkazano: sala nije bila dostupna. Biće zakazan novi termin.",
    "Poslati pozive i potvrditi salu", "Urađeno; dokumenta su u zajedničkoj fascikli.",
    "Više nije potrebno: opština je preuzela posao." },
};
const guint sofra_demo_n_phrases = G_N_ELEMENTS (sofra_demo_phrases);

const SofraDemoNote sofra_demo_notes[] = {
  { "Interested in joining the next youth exchange.", FALSE },
  { "Asked for the meeting summary in Serbian.", FALSE },
  { "Offered the association's premises for a future meeting.", FALSE },
  { "Prefers to be contacted by phone rather than by email.", FALSE },
  { "Works night shifts; afternoon meetings suit better.", FALSE },
  { "Dëshiron të marrë pjesë në punëtorinë e ardhshme.", FALSE },
  { "Kërkoi materialet e takimit në shqip.", FALSE },
  { "Mund të ndihmojë me përkthimin gjatë takimeve.", FALSE },
  { "Ka kontakte me shoqatat e grave në rajon.", FALSE },
  { "Жели да учествује на следећем састанку.", FALSE },
  { "Тражи информације о бесплатној правној помоћи.", FALSE },
  { "Може да помогне око превођења на састанцима.", FALSE },
  { "Ima kontakte sa udruženjem poljoprivrednika.", FALSE },
  { "Traži materijale sa radionice na srpskom jeziku.", FALSE },
  { "Mentioned a family member's illness; be considerate with follow-up calls.", TRUE },
  { "Does not want photos of them shared on social media.", TRUE },
  { "Ka shprehur shqetësim për sigurinë e familjes; mos e jepni numrin e telefonit askujt.", TRUE },
  { "Не жели да се његово или њено име помиње пред новинарима.", TRUE },
  { "Teško dolazi na sastanke zbog troškova prevoza; ponuditi pomoć za put.", TRUE },
};
const guint sofra_demo_n_notes = G_N_ELEMENTS (sofra_demo_notes);
