"""Scoring extracted candidates against a hand-coded gold set (``tests/text/gold``).

A predicted fact matches a gold fact when it is in the same sentence and has the same agreement,
the same set of actors (``*`` stands for the agreement's parties in the record) and the same
event type; matches are one to one. On the matches, the date is right to the month when the
year (and the month, where the gold gives one) agree, and the alleger is right when the sets
agree (only where the gold names one). Per field, precision and recall are computed on the set
of (sentence, value) pairs. A *leak* is a gold negated or hypothetical act output as a fact (by
a predicted fact not matched to a gold fact).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.record import Record
from detente.text._extract import Candidate

__all__ = ["GROUPS", "GoldEvent", "Scores", "group_of", "load_gold", "score"]

#: the gold texts by group, in the order they were written: the rules were written on ``dev``;
#: each other group was blind at its first run. A text not listed here is never treated as
#: development text (``group_of`` gives "unlisted"), so a new blind text cannot be run by
#: accident through the development tests.
GROUPS: dict[str, frozenset[str]] = {
    "dev": frozenset({"state_inf_2019", "crs_inf_2019", "crs_open_skies_2021", "wh_abm_2001",
                      "reagan_noncompliance", "ukparl_annex_2019", "kremlin_newstart_2023"}),
    "held": frozenset({"crs_jcpoa_2018", "state_newstart_2023"}),
    "fresh": frozenset({"state_cfe_2023", "voa_cfe_2011"}),
    "last": frozenset({"voa_dprk_2012", "state_dprk_2002", "voa_dprk_2002"}),
    "blind2": frozenset({"state_open_skies_2020", "senate_open_skies_2020", "ap_inf_2019",
                         "afp_inf_2019", "reuters_cfe_2023", "ap_cfe_2023",
                         "politico_newstart_2023", "ap_newstart_2023", "tass_jcpoa_2019",
                         "rferl_jcpoa_2019"}),
    "blind3": frozenset({"moscowtimes_ctbt_2023", "ap_ctbt_2023", "ap_npt_2003", "mg_npt_2003",
                         "wion_bsgi_2023", "pravda_newstart_2023",
                         "politico_newstart_data_2023"}),
    "blind4": frozenset({"rferl_open_skies_2021", "cnn_inf_2019", "dailybeast_inf_2019",
                         "antiwar_newstart_2021"}),
    "blind5": frozenset({"ap_syria_2017", "asianmirror_minsk_2015", "exchangemonitor_inf_2015",
                         "interfax_budapest_2020", "mercopress_bsgi_2022",
                         "millenniumpost_jcpoa_2020", "politico_start1_2018",
                         "reuters_minsk_2015", "rt_friendship_2018", "thehindu_pmda_2016",
                         "upi_salt2_1986", "usia_ctbt_1999"}),
    "blind6": frozenset({"afg1tv_doha_2020", "armscontrol_start2_2002",
                         "chicagotribune_abm_1989", "dunyanews_simla_2025",
                         "hansard_inf_2019", "ians_karabakh_2020", "ria_cfe_2007",
                         "straitstimes_cma_2023", "voa_iran_2005", "voa_libya_2003"}),
    "blind7": frozenset({"latimes_ttbt_1989", "idsnews_sixparty_2005", "wikinews_georgia_2008",
                         "covnews_syriacw_2013", "dw_minsk_2014", "scroll_prk_2020",
                         "urdupoint_sochi_2020", "aljazeera_lebanon_2024",
                         "asianobserver_energy_2025", "breakingdefense_iranisrael_2025"}),
    "blind8": frozenset({"spacewar_tehran_2004", "ktnv_incsea_2016", "jowhar_indopak_2025",
                         "latimes_iransaudi_2023", "aa_infmoratorium_2025",
                         "hanoitimes_spratly_2020", "independent_iraq_1993",
                         "globalinterests_foundingact_2016", "thegaze_istanbul_2025",
                         "civilge_cfe_2007"}),
    "blind9": frozenset({"cnn_agreedframework_2002", "dawn_doha_2021", "pledgetimes_cma_2023",
                         "withexamples_lac_2020", "hollywoodhouse_lebanon_2024",
                         "state_libya_2006", "globalresearch_algiers_2018",
                         "hurriyet_sochi_2020", "independent_trilateral_1994",
                         "tv5news_karabakh_2020"}),
    "blind10": frozenset({"cgtn_openskies_2021", "irishtimes_georgia_2008", "memri_paris_2004",
                          "nhub_singapore_2018", "outsidethebeltway_jcpoa_2019",
                          "pacforum_leapday_2012", "pledgetimes_bsgi_2023",
                          "saudigazette_indopak_2025", "tellerreport_minsk_2021",
                          "theeuropetoday_iranisrael_2025"}),
    "blind11": frozenset({"abcnews_bwc_2001", "eurasiamagazine_iransaudi_2023",
                         "famousdaily_npt_1993", "hellboundanddown_nato_2024",
                         "kremlin_start2_2000", "latimes_helsinki_1987", "newszop_simla_2025",
                         "sputnik_syriamou_2017", "tasnim_jpoa_2014", "trustandverify_cwc_2018",
                         "usni_mmca_2023", "warsawpoint_istanbul_2022"}),
    "blind12": frozenset({"aolaikelin_friendship_2018", "bilalrule_foundingact_2014",
                         "defencepoint_prkmoratorium_2020", "gbnews_spratly_2022",
                         "himalayantimes_sixparty_2005", "jamestown_osce_2000",
                         "prm_infmoratorium_2025", "sikadeblog_pmda_2016", "stanford_sort_2017",
                         "state_start1_2001", "voiceofserbia_twoplusfour_2024",
                         "washingtonpost_iraq_1998"}),
    "blind13": frozenset({"alliansfriheten_minsk_2022", "daily8_usiran_2025",
                         "financialtribune_algiers_2015", "ibtimes_leapday_2012",
                         "mfaukraine_budapest_2022", "muslimpress_syriacw_2013",
                         "navyhistory_incsea_1995", "newsgater_mmca_2022",
                         "saffronstays_salt1_2020", "thediplomat_leapday_2012",
                         "voltairenet_budapest_2014", "zeenews_algiers_2017"}),
    "blind14": frozenset({"latimes_ttbt_1986", "liganet_istanbul_2025", "rantburg_georgia_2008",
                         "russiabusinesstoday_sochi_2020", "sputnikglobe_energy_2025",
                         "steelcitydaily_energy_2025", "studyoff_simla_2025", "tass_minsk_2015",
                         "thecurrent_saudiiran_2023", "topnews_georgia_2008", "uawire_sochi_2020",
                         "zeenews_syriamou_2017"}),
    "blind15": frozenset({"acronym_sort_2003", "ap_trilateral_1994", "bellona_start2_2002",
                         "csmonitor_salt2_1983", "hansard_helsinki_1979", "hansard_helsinki_1980",
                         "infobae_prkmoratorium_2022", "madhyamam_ukrtalks_2025",
                         "oneindia_lac_2020", "reuters_mmca_2020", "russodaily_twoplusfour_2024",
                         "time_salt1_1978"}),
    "blind16": frozenset({"bbc_tehran_2003", "gzero_infmoratorium_2025", "irishtimes_bwc",
                         "jamestown_cwc_1997", "lexology_jpoa_2014", "menatoday_usiran_2025",
                         "scoop_sixparty_2005", "senate_salt1_1973", "statecable_salt1_1979",
                         "thebulletin_cwc_2021", "truenews_syriamou_2017",
                         "washtimes_salt_1982"}),
    "blind17": frozenset({"afintl_doha_2024", "ap_syriacw_2013", "hansard_start1_1993",
                         "hansbury_istanbul", "herald_singapore_2020", "latimes_testban_1986",
                         "reuter_ttbt_1974", "rferl_istanbul_1999", "tass_istanbul_2025",
                         "thequint_lac_2020", "tkg_doha_2022", "wilson_istanbul_2002"}),
    "blind18": frozenset({"aa_interkorean_2023", "ap_testaccords_1987", "ap_twoplusfour_1991",
                         "arw_friendship_2018", "csmonitor_sevenpacts_1984", "csp_libya_2003",
                         "ipn_cfe_2007", "qha_friendship_2018", "rferl_foundingact_1997",
                         "rian_cfe_2005", "upi_helsinki_1981", "xinhua_plutonium_2016"}),
    "blind19": frozenset({"ahramweekly_paris_2004", "aviapro_infmoratorium_2025",
                         "gnbnow_beijing_2023", "inquirer_spratly_2019",
                         "iranpressservice_paris_2004", "kyivindependent_bsgi_2023",
                         "orlandosentinel_incsea_1985", "pravda_incsea_2016",
                         "tccolumbia_algiers_2006", "thatischina_spratly_2024",
                         "upi_algiers_1981", "windowstorussia_notoneinch_2000"}),
    "blind20": frozenset({"acronym_libya_2004", "armscontrol_cma_2024",
                         "brusselsmorning_ukrtalks_2025", "chicagotribune_twoplusfour_1990",
                         "eightpmnews_usiran_2025", "hindustantimes_simla_1972",
                         "interfax_foundingact_2022", "kyivpost_minsk1_2014",
                         "newsby_istanbul_2025", "parliament_budapest_2014",
                         "sputnik_karabakh_2021", "washinst_unscr687_1997"}),
    "blind21": frozenset({"hansard_salt2_1986", "indianexpress_lac_2022",
                         "interpretermag_minsk1_2014", "kxan36news_sochi_2020",
                         "mittech_start1_1993", "pakistanpoint_sochi_2019",
                         "panorama_jpoa_2014", "rferl_pmda_2016", "schlafly_salt1_1975",
                         "sherdog_trilateral_2011", "ucsb_trilateral_1994",
                         "washingtonpost_singapore_2019"}),
    "blind22": frozenset({"csmonitor_bwc_1980", "firstonline_syriacw_2013", "frus_bwc_1972",
                         "hawarnews_sochi_2020", "indiandefensenews_lac_2020",
                         "japantimes_singapore_2018", "latimes_start2_1998",
                         "midlanecarriers_agreedframework_2021", "news4u_pmda_2016",
                         "rferl_jpoa_2014", "rferl_minsk1_2014", "rferl_start2_1996"}),
    "blind23": frozenset({"cbsnews_sort_2002", "cctv_sixparty_2008", "hansard_sixparty_2006",
                         "inform_sixparty_2013", "insidesyriamc_syriamou_2017",
                         "kremlin_sort_2003", "reuters_sixparty_2012",
                         "sputnikglobe_sixparty_2012", "sputniknews_syriamou_2017",
                         "zeenews_sort_2003"}),
    "blind24": frozenset({"anewz_simla_2025", "baltimoresun_iraq_1991", "ccbsnews_karabakh_2021",
                         "cpamu_indiapak_2025", "cumhuriyet_korea_2023", "dawn_indiapak_2025",
                         "everything2_iraq_undated", "justthenews_lebanon_2024",
                         "millichronicle_saudi_iran_2023", "sputnik_korea_2024",
                         "tass_karabakh_2021", "tattersalls_simla_2021"}),
    "blind25": frozenset({"anewz_infmoratorium_2025", "ap_krasnoyarsk_1987",
                         "chicagotribune_ttbt_1986", "jpost_start_2009",
                         "latimes_krasnoyarsk_1987", "meduza_cwc_2020", "rense_ctbt_1999",
                         "reuters_libya_2004", "scmp_mmca_2021", "xinhua_ctbt_2020"}),
    "blind26": frozenset({"ap_salt2_1986", "crs_cfe_1995", "csmonitor_salt2_1985",
                         "irishtimes_start2_2000", "latimes_abm_1989",
                         "orlandosentinel_helsinki_1985", "orlandosentinel_inf_1988",
                         "strategypage_start2_2000", "ukrweekly_helsinki_1980", "voa_sort_2003"}),
    "blind27": frozenset({"aca_prkmoratorium_2020", "fakti_istanbul_2025", "medialine_bsgi_2022",
                         "newsintel_riyadh_2025", "newspravda_istanbul_2025",
                         "onenewspage_lac_2020", "risingnepal_twoplusfour_2025",
                         "tass_rostock_2024", "tdi_iransaudi_2023", "tvc_bsgi_2023"}),
    "blind28": frozenset({"amu_doha_undated", "forua_trilateral_2014", "goachronicle_usiran_2025",
                         "hansard_ttbt_1974", "mfatr_cfe_2023", "mfaua_budapest_2018",
                         "reaganlib_abm_1988", "rompres_cfe_2007", "sputnik_acfe_2004",
                         "unpress_iraq_1998"}),
    "blind29": frozenset({"abc15_minsk_2014", "almanar_idlib_2020", "athenstimes_lebanon_2024",
                         "dailydigest360_indiapak_2025", "escolapau_minsk2_2015",
                         "expatica_georgia_2008", "lbcgroup_iranisrael_2025",
                         "millenniumpost_minsk_2014", "warsintheworld_georgia_2010"}),
    "blind30": frozenset({"carnegie_start2_2000", "crisisgroup_tehran_2003",
                         "csmonitor_saltdecision_1985", "deseret_cfe_1995",
                         "dohainstitute_usiran_2025", "iranintl_tehran_2025", "newsweek_inf_2019",
                         "nytimes_inf_2018", "sunsentinel_salt2_1986"}),
    "blind31": frozenset({"acronym_ctbt_1999", "cbs_agreedframework_2002", "heritage_iraq_2002",
                         "peoplesdaily_agreedframework_2002", "rferl_sixparty_2005",
                         "rianovosti_acfe_2007", "spacewar_acfe_2004", "tass_trilateral_2024",
                         "washtimes_bwc_2001"}),
    "blind32": frozenset({"cgtn_singapore_2018", "chinamfa_singapore_2019", "newsaz_inf_2017",
                         "ruptly_inf_2018", "ruptly_openskies_2020",
                         "state_blinken_newstart_2023", "tass_budapest_2026",
                         "timenews_foundingact_2022", "whitehouse_helsinki_1997",
                         "whitehouse_salt2_1986"}),
    "blind33": frozenset({"afghanpeacewatch_doha_2020", "businessstandard_lac_2020",
                         "dailytribune_mmca_2025", "dia_agreedframework_1995",
                         "independent_libya_2003", "middleeastmonitor_saudiiran_2023",
                         "moscowtimes_agreedframework_1996", "palpress_doha_2021",
                         "time_algiers_1981", "worldnewstoday_simla_2025"}),
    "blind34": frozenset({"aboutmyles_incsea_undated", "apcolumbian_mmca_2023",
                         "bioprepwatch_trilateral_2014", "blazingcatfur_budapest_2014",
                         "brookings_trilateral_2014", "indonewyork_notoneinch_2022",
                         "nghiencuubiendong_mmca_2024", "russiancouncil_trilateral_2014",
                         "stanfordcisac_trilateral_2019", "themilitarystandard_salt2_undated",
                         "warontherocks_budapest_2015"}),
    "blind35": frozenset({"aljazeeraam_jpoa_2014", "asiaone_dprkmoratorium_2020", "cgtn_cma_2023",
                         "chinadaily_infmoratorium_2019", "csis_inf_2019",
                         "dailypakistan_syriamou_2017", "defensepost_dprkicbm_2022",
                         "europediplomatic_infmoratorium_2019", "exbulletin_newstart_2022",
                         "interfaxua_minsk_2015", "straitstimes_singapore_2018"}),
    "blind36": frozenset({"americanmilitarynews_spratly_2020", "bignewsnetwork_energy_2025",
                         "chinaorgcn_paris_2005", "eucom_incsea_2017", "fmprc_spratly_2016",
                         "frus_ttbt_1976", "iranwatch_paris_2005", "irna_paris_2005",
                         "menafn_istanbulexchanges_2025", "senateforeign_leapday_2012",
                         "unsc_minsk_2017", "wikileaks_salt_1976"}),
    "blind37": frozenset({"acronym_cwc_1997", "baltsun_cfe_1990", "csp_cwc_1997",
                         "frus_salt1_1972", "independent_bwc_1993", "lat_abm_1988",
                         "rferl_cwc_1997", "time_bwc_1980", "upi_abm_1988", "usis_npt_1995"}),
    "blind38": frozenset({"dawn_simla_2021", "latimes_salt2_1986", "msnbc_notoneinch_2025",
                         "nsenergy_paris_2005", "realclearworld_leapday_2012",
                         "rpcsenate_syriacw_2013", "substack_simla_2025",
                         "taylorfrancis_iran_2008", "thirtyeightnorth_leapday_2019",
                         "truthout_notoneinch_2022"}),
    "blind39": frozenset({"baaghitv_doha_2022", "bdpratidin_simla_2025", "brecorder_energy_2025",
                         "chinadaily_istanbul_2025", "fmprc_ctbt_2000", "kbs_singapore_2019",
                         "kcna_agreedframework_1998", "mehrnews_jcpoa_2019",
                         "pakobserver_saudiiran_2023", "peoplesgazette_bsgi_2023"}),
    "blind40": frozenset({"bactf_mmca_2020", "breakinglatest_newstart_2023", "fco_tehran_2003",
                         "frus_ttbt_1974", "nato_inf_2019", "reaganlib_salt2_1986",
                         "sputniknews_safezones_2017", "tass_istanbuldraft_2022",
                         "tass_pmda_2025", "zawya_tehran_2004"}),
    "blind41": frozenset({"aa_karabakh_2021", "aa_sochi_2018", "ap_leapday_2012",
                         "aps_algiers_2017", "baltimoresun_agreedframework_1994",
                         "dailytimes_usiran_2025", "koreaherald_cma_2024", "nation_simla_2020",
                         "telegraphindia_iranisrael_2025", "yenisafak_algiers_2024"}),
    "blind42": frozenset({"afp_iran_2003", "afp_ukrainetalks_2025", "ap_ukrainetalks_2025",
                         "chinaimport_twoplusfour", "fissilematerials_pmda_2016",
                         "guardian_abm_2001", "nyt_armscontrol_1985", "pravda_foundingact_2002",
                         "reuters_syriacw_2017", "unian_friendship_2019"}),
    "blind43": frozenset({"9amro_cfe_2007", "acronym_abm_sort_2002", "dailymail_georgia_2008",
                         "foxnews_abm_2001", "interfax_cfe_2007", "moscowtimes_sort_2002",
                         "nato_cfe_2007", "reuters_sixparty_2007", "rfi_georgia_2008",
                         "smh_agreedframework_2002"}),
    "blind44": frozenset({"kmu_newstart_2023", "massispost_karabakh_2020", "mfaby_inf_2019",
                         "newspravda_cfe_2023", "oicanadian_cfe_2023",
                         "pakistanstatetime_indiapak_2025", "pledgetimes_cfe_2023",
                         "reagan_salt2_1985", "sputnikglobe_cfe_2024",
                         "thenewssg_infmoratorium_2025", "urdupoint_infmoratorium_2020"}),
    "blind45": frozenset({"aca_start1_2001", "aca_start1_ukraine_2001", "asiatimes_abm_2018",
                         "bellona_start2_1998", "chicagotribune_abm_2001", "csmonitor_abm_1987",
                         "heraldnet_ap_abm_2001", "indianexpress_start2_2000",
                         "japantimes_start2_2000", "rferl_cwc_apr1997"}),
    "blind46": frozenset({"atlanticcouncil_sixparty_2011", "diplomat_mmca_2017",
                         "eir_syriamou_2015", "founderscode_incsea_2016",
                         "physicstoday_ttbt_undated", "ponars_foundingact_2014",
                         "tellerreport_foundingact_2022", "thehill_foundingact_2022",
                         "thehill_libya_2018", "usni_incsea_2018"}),
    "blind47": frozenset({"asiaplus_newstart_2023", "hurriyet_jcpoa_2025",
                         "irishexaminer_paris_2004", "latimes_salt2_1985", "latimes_upi_salt2_1986",
                         "menafn_jcpoa_2025", "newsaz_newstart_2023", "peoplesdaily_npt_2003",
                         "pravda_npt_2003", "xinhua_paris_2004"}),
    "blind48": frozenset({"ensonhaber_inf_2018", "hansard_helsinki_1975", "newsby_pow_2025",
                         "pa_syriacw_2013", "sputnik_openskies_2020", "tv5news_lac_2021",
                         "unn_istanbul_2025", "wearechange_syriamou_2017",
                         "whitehouse_noncompliance_1988"}),
    "blind49": frozenset({"baltsun_trilateral_1994", "csm_bwc_1980", "csm_helsinki_1985",
                         "csm_helsinkichron_1985", "csm_iraq_1997", "ctrib_start1_1992",
                         "ctrib_twoplusfour_1991", "fas_npt_belarus_1993", "frus_bwc_1979",
                         "independent_iraq_1992", "latimes_ap_ttbt_1987", "latimes_iraq_1992",
                         "latimes_npt_kazakhstan_1993", "reagan_ttbt_1987",
                         "roanoke_trilateral_1994", "senate_ttbt_1990",
                         "sunsentinel_twoplusfour_1990"}),
    "blind50": frozenset({"aca_armscontrolwatch_2019", "aca_syriacw_2013",
                         "atlanticcouncil_bwc_2018", "carnegie_ctbt_2023",
                         "indianarrative_beijing_2023", "nationalinterest_istanbul_undated",
                         "orf_lac_2020", "researchgate_budapest_2021",
                         "responsiblestatecraft_istanbul_2024", "whitehouse_trilateral_1996"}),
    "blind51": frozenset({"aajtknews_blacksea_2025", "dailypakistan_simla_2025",
                         "eastcoastdaily_lac_2020", "insightsonindia_lac_2020",
                         "interfaxua_istanbul_2025", "kyivpost_friendship_1997",
                         "mees_syriacw_2013", "pressenza_beijing_2023", "ukrinform_istanbul_2025",
                         "ukrweekly_friendship_1999"}),
    "blind52": frozenset({"expressinformer_energy_2025", "globalsecurity_libya_2003",
                         "hansard_abm_1984", "hansard_abm_2001", "hansard_npt_1992",
                         "hansard_npt_1995", "ipn_istanbul_2018", "rrn_energy_2025",
                         "stiripesurse_cfe_2023", "uatribune_budapest_2022",
                         "voa_natonewstart_2010"}),
    "blind53": frozenset({"baltimoresun_start2_1996", "chicagotribune_salt2_1985",
                         "latimes_helsinki_oped_1985", "latimes_npt_prk_1993",
                         "latimes_start1_1991", "orlandosentinel_abm_1985",
                         "stlpostdispatch_start2_1996", "time_salt1_1977", "time_salt2_1985",
                         "time_start2_2000"}),
    "blind54": frozenset({"aca_newstart_2023", "bham_jpoa_2013", "carnegie_safeguards_2018",
                         "fas_mmca_2009", "inkstick_newstart_2022", "jamestown_istanbul_2006",
                         "jiia_ctbt_2023", "lieber_ctbt_2023", "townhall_libya_2017"}),
    "blind55": frozenset({"chinaorg_libya_2006", "dailysabah_sochi_2019",
                         "eurasiaro_moldova_2010", "indiansdaily_simla_2025",
                         "kbs_moratorium_2022", "newsaz_iranus_2025", "peoplesdaily_libya_2003",
                         "tass_karabakh_2020", "xinhua_istanbulswap_2025",
                         "yonhap_moratorium_2020"}),
    "blind56": frozenset({"baohaiduong_cfe_2023", "gnews_moratorium_2025",
                         "hansard_commons_salt1_1972", "hansard_lords_abm_1987",
                         "hansard_lords_salt2_jun1986", "hansard_wa_salt_jul1986",
                         "justearth_minsk2_2015", "nato_cfe_dec2007", "novyny_riyadh_2025",
                         "twfy_salt2_dec1986"}),
    "blind57": frozenset({"chicagotribune_abm_1985", "csmonitor_compliance_1986",
                         "csmonitor_helsinki_1985", "csmonitor_twoplusfour_1990",
                         "guardian_salt_1972", "ians_incsea_2021", "reuters_pmda_2016",
                         "upi_abm_1985", "upi_ucs_abm_1987", "vov_pmda_2016"}),
    "blind58": frozenset({"bulletin_npt_2025", "cap_openskies_2019", "cap_spratly_2016",
                         "csis_newstart_2023", "euobserver_budapest_2014", "habtoor_npt_2025",
                         "issi_newstart_2023", "isw_infmoratorium_2025", "nonukes_openskies_2020",
                         "stratheia_iranisrael_2025"}),
    "blind59": frozenset({"a2news_inter_korean_cma_2023", "dayfr_israel_lebanon_2024",
                         "emranews_iran_israel_ceasefire_2025", "freepressjournal_doha_2022",
                         "gulfinsider_iran_saudi_2023", "latimes_tass_salt2_dec1986",
                         "peoplesdaily_agreed_framework_2000", "pressai_mmca_2025"}),
    "blind60": frozenset({"chinadaily_reuters_tehran_2003", "opcw_syriacw_2013",
                         "rusreality_syriamou_2017", "tass_grushko_2021", "un_sc6259_iraq_1996",
                         "un_sc6434_iraq_1997", "un_sc6571_iraq_1998", "vestikavkaza_inf_2019",
                         "xinhua_inf_2019", "yenisafak_infmoratorium_2019"}),
    "blind61": frozenset({"act_start2_1999", "afps_mmca_1998", "ap_abm_thule_1987",
                         "baltsun_npt_1993", "frus_npt_ratification_1968",
                         "frus_npt_signing_1968", "latimes_ap_twoplusfour_1990",
                         "latimes_start2_1996", "sunsentinel_abm_1987", "upi_inf_1987"}),
    "blind62": frozenset({"aca_startsort_2006", "acwonk_leapday_2012", "ciis_mmca_2014",
                         "gktoday_pmda_2016", "mic_syriaairmemo_2017",
                         "moscowtimes_infmoratorium_2025", "nsj_infmoratorium_2025",
                         "opiniojuris_algiers_2006", "teneo_iranisrael_2025",
                         "worldcrunch_minsk_2022"}),
    "blind63": frozenset({"abscbn_spratly_2018", "agroim_doha_2022", "cgtn_saudiiran_2023",
                         "dawn_pastpages_simla_2022", "dawn_simla_editorial_1972", "kbs_cma_2025",
                         "rudaw_iranisrael_2025", "southwestasia_mehr_tehran_2004",
                         "tass_energymoratorium_2025", "theleaders_karabakh_2020"}),
    "blind64": frozenset({"agerpres_romania_cfe_2023", "bolnews_taliban_doha_2021",
                         "czmfa_cfe_2023", "hibya_israelmfa_hezbollah", "kcna_singapore_2019",
                         "kcna_sixparty_2012", "lbci_lebmfa_msayleh", "meduza_newstart_2023",
                         "opperman_budapest_2014", "uaposition_osce_troika_minsk"}),
    "blind65": frozenset({"ap_start2debate_2000", "baltsun_cfesuspend_2007",
                         "chicagotribune_infsigning_1987", "chicagotribune_iraqblock_1998",
                         "chicagotribune_salt2dismantle_1986", "csm_nptreverse_1993",
                         "csm_salt2tass_1985", "orlandosentinel_salt2_1986",
                         "sandiegounion_infarchive_1987", "whitehouse_ukrainenpt_1994"}),
    "blind66": frozenset({"ahram_iran_2025", "atlanticcouncil_nato_2009", "cbs_syriacw_2017",
                         "csm_bsgi_2023", "europeanpravda_riyadh_2025", "informed_bsgi_2023",
                         "inforos_bsgi_2023", "lobelog_tehran_2013", "nti_newstart_2023"}),
    "blind67": frozenset({"aa_dohakabul_2022", "foxnews_agreedframework_2002",
                         "fridaytimes_dohazawahiri_2022", "liganet_energymoratorium_2025",
                         "menafn_usirantalks_2025", "scotsman_syriacw_2013",
                         "turkiyescoop_istanbulcommunique_2024", "worldbulletin_bsgi_2022",
                         "yonhap_icbmmoratorium_2022", "zhll_chinadaily_mmca_2024"}),
    "blind68": frozenset({"armradio_karabakh_2022", "auswaertiges_e3iran_2020",
                          "belgium_openskies_2020", "commons_jcpoa_2018", "dppa_bsgi_2023",
                          "interfax_ctbtnotice_2023", "kfauk_cma_2023",
                          "lbcgroup_aounmechanism_2025", "osce_minsk_2020", "twfy_inf_2018"}),
    "blind69": frozenset({"abcau_georgia_2008", "abcau_sort_2003", "baltimoresun_ctbt_1999",
                          "chicagotribune_yongbyon_2007", "heraldtribune_npt_2003",
                          "latimes_abmbreach_1988", "latimes_salt2break_1986", "ljworld_libya_2003",
                          "nyt_start1_1992", "rferl_isfahan_2005"}),
    "blind70": frozenset({"belfer_jpoa_2014", "carnegie_foundingact_2017", "dnews_notoneinch_2024",
                          "japantimes_leapday_2012", "mythdetector_sixpoint", "opednews_idlib_2019",
                          "polizeros_agreedframework_2005", "rferl_helsinki_2015",
                          "theasialive_simla_2025", "uani_iransaudi_2023"}),
    "blind71": frozenset({"almayadeen_lebanon_2024", "civilge_sixpoint_2008",
                          "dailyodisha_simla_2025", "financialtribune_jcpoa_2019",
                          "koreaherald_cma_2023", "panarmenian_karabakh_2023", "phayul_lac_2003",
                          "pravda_istanbulexchanges_2025", "sputnik_newstart_2023",
                          "thebarodian_indiapak_2025"}),
    "blind72": frozenset({"1lurer_trilateral_2023", "iaea_dprkseals_2002", "justpaste_iedoha_2022",
                          "lords_minsk2_2022", "mid_cfe_2011", "nato_infsession_2019",
                          "osce_smmheavyweapons_2015", "turkeymid_sochi_2019",
                          "unric_bsgiresumed_2022", "unscol_lebanon_2025"}),
    "blind73": frozenset({"abcau_jpoa_2014", "bloomberg_leapday_2012", "csmonitor_saltdelay_1980",
                          "dailybeast_syriamou_2015", "dawn_libyacwc_2004", "irishtimes_paris_2004",
                          "latimes_bwc_1992", "mcclatchy_newstart_2010", "moscowtimes_ctbt_1997",
                          "voa_yongbyon_2003"}),
    "blind74": frozenset({"afghanstudies_doha_2022", "amconservative_newstart_2021",
                          "asianews_cma_2022", "atasam_bsgi_2023", "interbellum_lebanon_2025",
                          "iowastatedaily_abm_2001", "japantimes_inf_2019",
                          "responsiblestatecraft_openskies_2020", "stanfordcisac_ctbt_2023",
                          "usukraine_budapest_2022"}),
    "blind75": frozenset({"ahram_jcpoa_2018", "belta_openskies_2025", "globaltimes_inf_2018",
                          "hindustantimes_lac_2020", "kyivindependent_energy_2025",
                          "newsaz_karabakh_2022", "tasnim_jcpoa_2020", "turkiyetoday_lebanon_2024",
                          "ukrinform_bsgi_2023", "yonhap_cma_2022"}),
    "blind76": frozenset({"chinaembassyuk_inf_2019", "hansard_ctbt_1997", "iaea_jpoa_2014",
                          "indiandefenceindustries_openskies_2021",
                          "kyivdefensepolicy_budapest_2024", "reliefweb_karabakh_2020",
                          "state_doha_2020", "unpress_bsgi_2023", "unpress_minsk_2016",
                          "usembassyitaly_sixpoint_2008"}),
    "blind77": frozenset({"cbsnews_lebanon_2024", "cnbc_jpoa_2015", "epochtimes_newstart_2023",
                          "haaretz_georgia_2008", "latimes_inf_1988", "npr_syriamou_2017",
                          "ocmedia_karabakh_2021", "silive_leapday_2012", "spokesman_cwc_1997",
                          "virginianpilot_agreedframework_1994"}),
    "blind78": frozenset({"aca_jpoa_2014", "eurotopics_helsinki_2025", "fpif_sixparty_2005",
                          "isw_energy_2025", "meiplatform_indiapak_2025", "orbeli_karabakh_2020",
                          "pism_friendship_2018", "thetrench_syriacw_2013",
                          "trachtenberg_notoneinch_2020", "trends_iranisrael_2025"}),
    "blind79": frozenset({"azhumanrights_sixpoint_2008", "dailypost_usiran_2025",
                          "forua_trilateral_state_2014", "peoplesdaily_jpoa_2014",
                          "pravda_osce_moldova_2005", "presstv_blacksea_2025", "rian_incsea_2009",
                          "tass_istanbuldraft_2024", "theasian_leapday_2012",
                          "vchasnoua_friendship_2018"}),
    "blind80": frozenset({"azernews_trilateral_2021", "globalissues_lebanon_2024",
                          "ilna_jcpoa_2021", "oscepa_minsk_2020", "sputnikafrica_bsgi_2023",
                          "tasnim_jcpoa_2017", "whitehouse_agreedframework_1995",
                          "whitehouse_ctbt_1999", "whitehouse_ctbt_jul1999",
                          "worldinsider_newstart_2023"}),
    "blind81": frozenset({"arkansasonline_pmda_2016", "businessstandard_iranisrael_2025",
                          "democracynow_libya_2003", "firstpost_lac_2020", "latestly_simla_2025",
                          "latimes_leapday_2012", "rt_karabakh_2020", "theage_algiers_1981"}),
    "blind82": frozenset({"antiempire_doha_2020", "dailykos_doha_2025", "duckofminerva_cfe_2007",
                          "japantimes_jcpoa_2018", "kasyanov_minsk2_2015",
                          "kwlarsen_agreedframework_2002", "moscowonthames_minsk_2015",
                          "nwcreview_agreedframework_2003", "rascott_jcpoa_2018",
                          "stanfordcisac_newstart_2023"}),
    "blind83": frozenset({"alahed_lebanon_2024", "hurriyet_bsgi_2023", "interaffairs_newstart_2025",
                          "presstv_jcpoa_2019", "shafaq_beijing_2024", "siasat_inf_2019",
                          "tass_ctbt_duma_2023", "tass_minsk2_lavrov_2015", "trtworld_simla_2025",
                          "ukrinform_budapest_2022"}),
    "blind84": frozenset({"dosfan_acda_agreedframework_1994", "einpresswire_hoyer_inf_2019",
                          "freebeacon_whitehouse_inf_2019", "govuk_e3_jcpoa_2023",
                          "iranwatch_francemfa_tehran_2004", "iranwatch_iaeadg_jcpoa_2019",
                          "legalviews_midru_cfe_2023", "tass_rusmfa_openskies_2021",
                          "unpress_sc14139_doha_2020", "unpress_sc15089_bsgi_2022"}),
    "blind85": frozenset({"afp_georgia_2008", "cityam_prkmoratorium_2018", "cna_indiapak_2025",
                          "latimes_twoplusfour_1990", "moscowtimes_incsea_2015",
                          "regtrends_sochi_2020", "reuters_parisagreement_2004",
                          "rferl_openskiesduma_2021", "upi_cma_2023", "usia_start_1992"}),
    "blind86": frozenset({"alma_lebanon_2024", "commentary_cfe_2007",
                          "henryjacksonsociety_minsk2_2015", "joongang_cma_2023",
                          "presstv_jcpoa_jul2019", "russiamatters_inf_2019",
                          "thenation_openskies_2020", "ukrainefrontlines_budapest_2014",
                          "voaeditorials_bsgi_2023", "wolfpublishers_syriacw_2013"}),
    "blind87": frozenset({"avapress_doha_2022", "azernews_karabakh_2021",
                          "bombaysamachar_indiapak_2025", "eadaily_minsk_2015", "kbs_cma_2024",
                          "newsfront_openskies_2021", "tehrantimes_jcpoa_2019", "tribune_lac_2020",
                          "urdupoint_newstart_2020", "urdupoint_sochi_2019"}),
    "blind88": frozenset({"ceu_georgia_2008", "housefac_openskies_2020",
                          "iaea_agreedframework_2002", "indiaties_rusmfa_bsgi_2023",
                          "kildarestreet_minsk2_2015", "mfaua_rada_budapest_2014",
                          "parliamenttoday_e3_jcpoa_2020", "viadiplomacy_nato_inf_2019",
                          "voltairenet_rusmfa_jcpoa_2020", "wenews_pakfo_indiapak_2025"}),
    "blind89": frozenset({"asiafreepress_beijing_2023", "bbc_salt2_1979", "brecorder_doha_2021",
                          "connectedtoindia_indiapak_2025", "gma_prkmoratorium_2022",
                          "ifpnews_lebanon_2025", "independent_start2_1993", "reuters_leapday_2012",
                          "stabroeknews_minsk2_2015", "thehill_syriamou_2017"}),
    "blind90": frozenset({"cembirol_karabakh_2020", "chinadaily_cfe_2023",
                          "defenseone_newstart_2021", "economist_bsgi_2023", "fdd_lebanon_2024",
                          "moscowtimes_abm_2018", "nknews_singapore_2018",
                          "postandcourier_inf_2019", "theweek_lac_2020", "wpr_jcpoa_2022"}),
    "blind91": frozenset({"armradio_sochistatement_2022", "cgtn_openskiesexit_2021",
                          "crediblenews_bsgi_2023", "deccanherald_lac_2020", "fakti_budapest_2024",
                          "hankyoreh_cma_2022", "ifpnews_lebanonceasefire_2024",
                          "iranpress_jcpoa_2019", "telesur_newstart_2023", "thenews_doha_2021"}),
    "blind92": frozenset({"dayfr_franceunsc_lebanon_2025", "eeas_borrell_jcpoa_2020",
                          "natonac_infaug_2019", "natonac_inffeb_2019",
                          "newsam_armmfa_karabakh_2021", "newsam_gevorgyan_karabakh_2020",
                          "state_dohajointstatement_2020", "ukosce_bsgi_2023",
                          "unnews_bsgirenewal_2022", "voltairenet_rusmfa_inf_2019"}),
    "blind93": frozenset({"denverpost_syriacw_2013", "descrier_minsk2_2015",
                          "dw_minsk2ceasefire_2015", "latimes_houseresolution_1986",
                          "mingoda_simla_2025", "neimagazine_kedo_2002",
                          "sputnikglobe_karabakh_2023", "sribuzz_irisrael_2025",
                          "timesofisrael_karabakh_2022", "upi_libya_2003"}),
    "blind94": frozenset({"carnegie_abm_2001", "caucasusedition_karabakh_2022",
                          "defensenews_openskies_2019", "donga_cma_2020", "iatp_bsgi_2023",
                          "ponars_inf_2019", "proactivepopulism_budapest_2022",
                          "rasanah_jcpoa_2019", "russeurope_minsk2_2015", "wapo_inf_2019"}),
    "blind95": frozenset({"artsakhpress_lachin_2023", "dailyguardian_lebanon_2024",
                          "dailysabah_karabakh_2023", "millenniumpost_indopak_2025",
                          "newtr_minsk_2022", "ngmisr_bsgi_2023", "pressshia_jcpoa_2019",
                          "tehrantimes_thirdstep_2019", "thenews_cma_2023",
                          "urdupoint_newstart_2023"}),
    # written (not collected) for detente by the rules' author, coded before their first run
    "composed": frozenset({"composed_jcpoa_2019", "composed_inf_2019", "composed_ctbt_2023",
                           "composed_openskies_2020", "composed_newstart_2023"}),
}


def group_of(stem: str) -> str:
    """The group of a gold text (see :data:`GROUPS`), "unlisted" if none."""
    return next((g for g, docs in GROUPS.items() if stem in docs), "unlisted")


@dataclass(frozen=True)
class GoldEvent:
    doc: str
    sentence: str
    agreement: str
    actors: frozenset[str]
    type: str
    year: int | None
    month: int | None
    alleged_by: frozenset[str]
    negated: bool
    hypothetical: bool

    @property
    def is_fact(self) -> bool:
        return not (self.negated or self.hypothetical)


def load_gold(path: str | Path) -> list[GoldEvent]:
    out = []
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.append(GoldEvent(
                doc=r["doc"], sentence=r["sentence"], agreement=r["agreement"],
                actors=frozenset(r["actors"].split(";")), type=r["type"],
                year=int(r["year"]) if r["year"] else None,
                month=int(r["month"]) if r["month"] else None,
                alleged_by=frozenset(a for a in r["alleged_by"].split(";") if a),
                negated=r["negated"] == "1", hypothetical=r["hypothetical"] == "1",
            ))
    return out


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    date_right: int = 0
    date_total: int = 0
    alleger_right: int = 0
    alleger_total: int = 0
    leaks: list[str] = field(default_factory=list)
    fields: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    date_errors: list[str] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def precision(self) -> float:
        return self._prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return self._prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return self._prf(self.tp, self.fp, self.fn)[2]

    @property
    def date_accuracy(self) -> float:
        return self.date_right / self.date_total if self.date_total else 1.0

    @property
    def alleger_accuracy(self) -> float:
        return self.alleger_right / self.alleger_total if self.alleger_total else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "events": {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                       "tp": self.tp, "fp": self.fp, "fn": self.fn},
            "fields": {k: dict(zip(("precision", "recall", "f1"), self._prf(*v), strict=True))
                       for k, v in self.fields.items()},
            "date_to_month": self.date_accuracy, "date_n": self.date_total,
            "alleger": self.alleger_accuracy, "alleger_n": self.alleger_total,
            "leaks": len(self.leaks),
        }


def _actors(actors: Iterable[str], agreement: str, record: Record) -> frozenset[str]:
    a = frozenset(actors)
    if "*" in a and record.has(agreement):
        return frozenset(record.agreement(agreement).parties)
    return a


def score(pred: Sequence[Candidate], gold: Sequence[GoldEvent], texts: dict[str, list[str]],
          record: Record) -> Scores:
    """Score ``pred`` against ``gold``; ``texts[doc]`` are the doc's sentences (to place the
    gold rows, whose ``sentence`` is a substring of one sentence)."""
    sc = Scores()

    def sent_of(g: GoldEvent) -> int:
        hits = [i for i, s in enumerate(texts[g.doc]) if g.sentence in s]
        if len(hits) != 1:
            raise ValueError(f"gold sentence {g.sentence!r} found {len(hits)} times in {g.doc}")
        return hits[0]

    gold_pos = [(g, sent_of(g)) for g in gold]
    facts = [(g, i) for g, i in gold_pos if g.is_fact]
    nonfacts = [(g, i) for g, i in gold_pos if not g.is_fact]
    pf = [c for c in pred if c.is_fact]
    used: set[int] = set()
    for g, i in facts:
        ga = _actors(g.actors, g.agreement, record)
        hit = None
        for k, c in enumerate(pf):
            if k in used or c.doc != g.doc or c.sentence_index != i:
                continue
            if c.agreement == g.agreement and c.type == g.type and \
                    _actors(c.actors, c.agreement, record) == ga:
                hit = k
                break
        if hit is None:
            sc.fn += 1
            sc.misses.append(f"{g.doc}: {g.agreement} {sorted(g.actors)} {g.type} | "
                             f"{g.sentence[:60]}")
            continue
        used.add(hit)
        sc.tp += 1
        c = pf[hit]
        if g.year is not None:
            sc.date_total += 1
            y = int(c.date[:4]) if c.date else None
            m = int(c.date[5:7]) if c.date and len(c.date) >= 7 else None
            if y == g.year and (g.month is None or m == g.month):
                sc.date_right += 1
            else:
                sc.date_errors.append(f"{g.doc}: gold {g.year}-{g.month} got {c.date} | "
                                      f"{g.sentence[:50]}")
        if g.alleged_by:
            sc.alleger_total += 1
            if frozenset(c.alleged_by) == g.alleged_by:
                sc.alleger_right += 1
    for k, c in enumerate(pf):
        if k not in used:
            sc.fp += 1
            sc.false_positives.append(f"{c.doc}: {c.agreement} {list(c.actors)} {c.type} "
                                      f"{c.date} | {c.sentence[:70]}")
    # (a predicted fact matched one to one to a gold fact is that fact's output, not a leak,
    # even when the same sentence also holds a negated or hypothetical act of the same kind:
    # "Iran announced it had exceeded the limit and threatened further action")
    for g, i in nonfacts:
        ga = _actors(g.actors, g.agreement, record)
        for k, c in enumerate(pf):
            if k in used:
                continue
            if c.doc == g.doc and c.sentence_index == i and c.agreement == g.agreement and \
                    c.type == g.type and _actors(c.actors, c.agreement, record) == ga:
                sc.leaks.append(f"{g.doc}: {g.agreement} {g.type} | {g.sentence[:60]}")
    # per field: (sentence, value) sets
    def fieldset(items: Iterable[tuple[str, int, Any]]) -> set[tuple[str, int, Any]]:
        return set(items)

    gf = [(g, i) for g, i in facts]
    specs = {
        "agreement": (lambda c: c.agreement, lambda g: g.agreement),
        "actors": (lambda c: _actors(c.actors, c.agreement, record),
                   lambda g: _actors(g.actors, g.agreement, record)),
        "type": (lambda c: c.type, lambda g: g.type),
    }
    for name, (fc, fg) in specs.items():
        ps = fieldset((c.doc, c.sentence_index, fc(c)) for c in pf)
        gs = fieldset((g.doc, i, fg(g)) for g, i in gf)
        sc.fields[name] = (len(ps & gs), len(ps - gs), len(gs - ps))
    return sc
