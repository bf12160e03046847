/* sofra-demo-people.c — name lists per community and affiliations for sample participants
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-demo-data-private.h"

static const char *const albanian_women[] = { "Arta",   "Blerta",   "Donika",  "Drita",    "Fjolla",
                                              "Jehona", "Liridona", "Mimoza",  "Qëndresa", "Rina",
                                              "Shqipe", "Teuta",    "Valbona", "Vlora",    "Zana",
                                              "Ardita", "Besa",     "Elira",   NULL };
static const char *const albanian_men[] = { "Agron",  "Arben", "Besart",   "Blerim",   "Dardan",
                                            "Fatos",  "Gëzim", "Ilir",     "Kushtrim", "Labinot",
                                            "Mentor", "Naim",  "Përparim", "Shpëtim",  "Valon",
                                            "Visar",  "Ylber", "Lulzim",   NULL };
static const char *const albanian_surnames[] = {
  "Berisha", "Krasniqi", "Gashi",    "Hoxha",   "Morina", "Shala", "Kastrati",
  "Bytyqi",  "Rexhepi",  "Kelmendi", "Hasani",  "Ahmeti", "Sopi",  "Zeka",
  "Limani",  "Mustafa",  "Hyseni",   "Dreshaj", "Rama",   "Çeku",  NULL
};

static const char *const serbian_women[] = { "Милица|Milica",
                                             "Јелена|Jelena",
                                             "Марија|Marija",
                                             "Ивана|Ivana",
                                             "Драгана|Dragana",
                                             "Снежана|Snežana",
                                             "Јована|Jovana",
                                             "Тијана|Tijana",
                                             "Љиљана|Ljiljana",
                                             "Наташа|Nataša",
                                             "Бојана|Bojana",
                                             "Даница|Danica",
                                             "Ана|Ana",
                                             "Катарина|Katarina",
                                             "Ђурђина|Đurđina",
                                             "Сања|Sanja",
                                             NULL };
static const char *const serbian_men[] = { "Марко|Marko",
                                           "Никола|Nikola",
                                           "Стефан|Stefan",
                                           "Милош|Miloš",
                                           "Душан|Dušan",
                                           "Небојша|Nebojša",
                                           "Дејан|Dejan",
                                           "Горан|Goran",
                                           "Срђан|Srđan",
                                           "Жарко|Žarko",
                                           "Вељко|Veljko",
                                           "Лазар|Lazar",
                                           "Младен|Mladen",
                                           "Бранислав|Branislav",
                                           "Драган|Dragan",
                                           "Ненад|Nenad",
                                           NULL };
static const char *const serbian_surnames[] = {
  "Петровић|Petrović",     "Јовановић|Jovanović",        "Николић|Nikolić",
  "Стојановић|Stojanović", "Марковић|Marković",          "Илић|Ilić",
  "Ђорђевић|Đorđević",     "Павловић|Pavlović",          "Симић|Simić",
  "Трајковић|Trajković",   "Милосављевић|Milosavljević", "Лазић|Lazić",
  "Ристић|Ristić",         "Војиновић|Vojinović",        "Љубић|Ljubić",
  "Џунић|Džunić",          "Његовановић|Njegovanović",   NULL
};

static const char *const roma_women[] = { "Fatime", "Sabina", "Elvira", "Semra", "Dženeta",
                                          "Sanija", "Hava",   "Mirela", NULL };
static const char *const roma_men[] = { "Bajram",  "Selami", "Fikret", "Safet", "Ismet",
                                        "Muharem", "Behar",  "Elvis",  NULL };
static const char *const roma_surnames[] = { "Mustafa", "Bajrami", "Demiri",   "Ademi", "Selimi",
                                             "Osmani",  "Berisha", "Kurteshi", NULL };

static const char *const ashkali_women[] = { "Mimoza",  "Shpresa", "Lumnije", "Afërdita",
                                             "Mirjeta", "Fatmire", NULL };
static const char *const ashkali_men[] = { "Avdyl",  "Bekim", "Nexhat", "Rasim",
                                           "Shaban", "Ramiz", NULL };
static const char *const ashkali_surnames[] = { "Gashi",  "Salihu",  "Zeqiri", "Hajdini",
                                                "Idrizi", "Rexhepi", NULL };

static const char *const egyptian_women[] = { "Elmaze",  "Hatixhe", "Flora",
                                              "Sabrije", "Violeta", NULL };
static const char *const egyptian_men[] = { "Adem", "Sadik", "Xhevdet", "Tefik", "Agim", NULL };
static const char *const egyptian_surnames[] = { "Dervishi", "Hyseni", "Jakupi",
                                                 "Qerimi",   "Sadiku", NULL };

static const char *const bosniak_women[] = { "Amra", "Selma", "Emina",  "Lejla",
                                             "Aida", "Edina", "Merima", NULL };
static const char *const bosniak_men[] = { "Adnan", "Emir",  "Haris", "Kenan",
                                           "Mirza", "Almir", "Senad", NULL };
static const char *const bosniak_surnames[] = { "Hodžić",    "Ramić",   "Mehmedović", "Kurtović",
                                                "Bećirović", "Husović", "Šabović",    NULL };

static const char *const gorani_women[] = { "Dilbera", "Fikreta", "Nermina", "Sebija", NULL };
static const char *const gorani_men[] = { "Erdin", "Ramadan", "Sabit", "Nazif", "Bajram", NULL };
static const char *const gorani_surnames[] = {
  "Adili", "Dauti", "Rustemi", "Šaćiri", "Asani", NULL
};

static const char *const turkish_women[] = { "Ayşe", "Elif", "Nurten", "Sevgül", "Zeynep", NULL };
static const char *const turkish_men[] = { "Erhan", "Kenan", "Murat", "Orhan", "Cengiz", NULL };
static const char *const turkish_surnames[] = { "Aydın", "Doğan", "Kaya", "Yıldız", "Tuna", NULL };

static const char *const montenegrin_women[] = { "Мирјана|Mirjana", "Весна|Vesna", NULL };
static const char *const montenegrin_men[] = { "Вук|Vuk", "Радован|Radovan", NULL };
static const char *const montenegrin_surnames[] = { "Вукчевић|Vukčević", "Радовић|Radović",
                                                    "Шћекић|Šćekić", NULL };

/* People who do not say their community have names from every list. */
static const char *const mixed_women[] = { "Arta", "Ана|Ana", "Selma", NULL };
static const char *const mixed_men[] = { "Ilir", "Никола|Nikola", "Emir", NULL };
static const char *const mixed_surnames[] = { "Krasniqi", "Илић|Ilić", "Kurtović", NULL };

const SofraDemoCommunity sofra_demo_communities[] = {
  { "albanian", 50, albanian_women, albanian_men, albanian_surnames,
    "prishtine,mitrovice-jugut,gjilan,peje,prizren,ferizaj,vushtrri,podujeve,bujanovac,presevo,"
    "gjakove",
    "sq,en" },
  { "serbian", 47, serbian_women, serbian_men, serbian_surnames,
    "mitrovice-veriut,zvecan,leposaviq,zubin-potok,gracanice,shterpce,kllokot,ranillug,partesh,"
    "novoberde,beograd,nis,kraljevo,raska",
    "sr,sr-Latn,en" },
  { "roma", 12, roma_women, roma_men, roma_surnames,
    "fushe-kosove,gracanice,prizren,nis,leskovac,obiliq,mitrovice-jugut", "sq,sr-Latn,en" },
  { "ashkali", 9, ashkali_women, ashkali_men, ashkali_surnames,
    "fushe-kosove,ferizaj,lipjan,obiliq", "sq,en" },
  { "egyptian", 7, egyptian_women, egyptian_men, egyptian_surnames, "gjakove,peje,istog,kline",
    "sq,en" },
  { "bosniak", 9, bosniak_women, bosniak_men, bosniak_surnames,
    "prizren,peje,istog,novi-pazar,tutin,sjenica", "sr-Latn,en" },
  { "gorani", 6, gorani_women, gorani_men, gorani_surnames, "dragash,prizren,beograd",
    "sr-Latn,sq,en" },
  { "turkish", 6, turkish_women, turkish_men, turkish_surnames,
    "prizren,mamushe,gjilan,mitrovice-jugut", "sq,en" },
  { "montenegrin", 1, montenegrin_women, montenegrin_men, montenegrin_surnames, "peje,beograd",
    "sr,sr-Latn,en" },
  { "prefer_not_to_say", 2, mixed_women, mixed_men, mixed_surnames, "prishtine,beograd", "en" },
  { NULL, 1, mixed_women, mixed_men, mixed_surnames, "gracanice", "en" },
};
const guint sofra_demo_n_communities = G_N_ELEMENTS (sofra_demo_communities);

const SofraDemoAffiliation sofra_demo_affiliations[] = {
  { "sq", "Qendra Rinore Ura", "vullnetare", "vullnetar" },
  { "sq", "Shoqata e Grave Zëri", "kryetare", "anëtar" },
  { "sq", "Shkolla e mesme e komunës", "mësuese", "mësues" },
  { "sq", "Zyra komunale për komunitete dhe kthim", "zyrtare", "zyrtar" },
  { "sq", "Shoqata e Bletarëve", "anëtare", "anëtar" },
  { "sr", "Удружење младих Мост", "волонтерка", "волонтер" },
  { "sr", "Студентски парламент", "студенткиња", "студент" },
  { "sr", "Дом здравља", "медицинска сестра", "лекар" },
  { "sr-Latn", "Udruženje žena Nada", "predsednica", "član" },
  { "sr-Latn", "Opštinska kancelarija za zajednice i povratak", "službenica", "službenik" },
  { "sr-Latn", "Poljoprivredna zadruga", "članica", "član" },
  { "en", "Local radio station", "journalist", "journalist" },
  { "en", "Community health mediators' network", "health mediator", "health mediator" },
  { "en", "Parents' council", "member", "member" },
};
const guint sofra_demo_n_affiliations = G_N_ELEMENTS (sofra_demo_affiliations);
