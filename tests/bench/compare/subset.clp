; cadreplan's rules standard.general_education, standard.professional_level,
; standard.political_theory, standard.age and point1.accredited_provider, and the counts
; of `cadreplan stats`, as CLIPS rules over the facts of roster.clp. The profile arrives
; as facts (evaluation, standard, accredited) and as the retirement globals, which the
; program defines from the same policy::Profile the library evaluates.

(deftemplate evaluation (slot as-of) (slot pool-min-months) (slot stats-position))

(deftemplate standard
  (slot position) (slot from) (slot until) (slot general-education)
  (slot professional-level) (slot political-theory) (slot min-age)
  (slot max-age-at-appointment))

(deftemplate accredited (slot pattern) (slot prefix))

; A position held on the as-of day in a commune-level unit, with the minima of the
; standard in force that day (the library's standardised holding).
(deftemplate holding
  (slot cadre-id) (slot position) (slot since) (slot general-education)
  (slot professional-level) (slot political-theory) (slot min-age))

(deftemplate verdict (slot provider) (slot accredited))

(deftemplate finding (slot rule) (slot cadre-id) (slot year (default 0)))

(deftemplate stats-row
  (slot cadre-id) (slot general-education) (slot professional-level)
  (slot political-theory) (slot state-management))

(deftemplate concurrent (slot cadre-id) (slot position))

(deftemplate stats-unit (slot large-minority))

; --- Levels, in the order of the library's enums ---------------------------------------

(deffunction general-education-rank (?code)
  (switch ?code (case primary then 0) (case lower_secondary then 1)
                (case upper_secondary then 2)))

(deffunction professional-level-rank (?code)
  (switch ?code (case none then 0) (case elementary then 1) (case intermediate then 2)
                (case college then 3) (case university then 4) (case master then 5)
                (case doctor then 6)))

; A bachelor of politics ranks as advanced.
(deffunction political-theory-rank (?code)
  (switch ?code (case none then 0) (case elementary then 1) (case intermediate then 2)
                (case advanced then 3) (case bachelor then 3)))

; --- Calendar arithmetic on YYYYMMDD ---------------------------------------------------

(deffunction days-in-month (?year ?month)
  (switch ?month
    (case 2 then (if (or (and (= (mod ?year 4) 0) (<> (mod ?year 100) 0)) (= (mod ?year 400) 0))
                  then 29 else 28))
    (case 4 then 30) (case 6 then 30) (case 9 then 30) (case 11 then 30)
    (default 31)))

; Calendar months keep the day; a day the month lacks rolls to the 1st of the next.
(deffunction add-months (?day ?months)
  (bind ?index (+ (* (div ?day 10000) 12) (mod (div ?day 100) 100) -1 ?months))
  (bind ?year (div ?index 12))
  (bind ?month (+ (mod ?index 12) 1))
  (bind ?d (mod ?day 100))
  (if (<= ?d (days-in-month ?year ?month))
   then (+ (* ?year 10000) (* ?month 100) ?d)
   else (if (= ?month 12)
         then (+ (* (+ ?year 1) 10000) 101)
         else (+ (* ?year 10000) (* (+ ?month 1) 100) 1))))

; Whole months: a month counts once its day of the month is reached.
(deffunction months-between (?from ?to)
  (bind ?months (+ (* (- (div ?to 10000) (div ?from 10000)) 12)
                   (- (mod (div ?to 100) 100) (mod (div ?from 100) 100))))
  (if (< (mod ?to 100) (mod ?from 100)) then (- ?months 1) else ?months))

; The month-and-day part is below 10000: the quotient drops a year exactly when the
; birthday has not come yet.
(deffunction age-on (?birth ?day)
  (max 0 (div (- ?day ?birth) 10000)))

(deffunction scheduled-months (?gender ?year)
  (if (eq ?gender male)
   then (bind ?base-year ?*men-base-year*) (bind ?base ?*men-base-months*)
        (bind ?step ?*men-step-months*) (bind ?final ?*men-final-months*)
   else (bind ?base-year ?*women-base-year*) (bind ?base ?*women-base-months*)
        (bind ?step ?*women-step-months*) (bind ?final ?*women-final-months*))
  (if (< ?year ?base-year)
   then (- ?base ?step)
   else (min (+ ?base (* ?step (- ?year ?base-year))) ?final)))

; The first year whose scheduled age is reached within that year decides.
(deffunction retirement-date (?birth ?gender)
  (bind ?first (div ?birth 10000))
  (loop-for-count (?year ?first (+ ?first 120)) do
    (bind ?reached (add-months ?birth (scheduled-months ?gender ?year)))
    (if (<= (div ?reached 10000) ?year) then (return ?reached)))
  nil)

(deffunction accredited-p (?provider)
  (bind ?name (fold ?provider))
  (if (eq ?name FALSE) then (return FALSE))
  (any-factp ((?a accredited))
    (if (eq ?a:prefix TRUE)
     then (eq (sub-string 1 (str-length ?a:pattern) ?name) ?a:pattern)
     else (eq ?a:pattern ?name))))

; --- Position standards ----------------------------------------------------------------

(defrule standardised-holding
  (evaluation (as-of ?as-of))
  (standard (position ?position) (from ?from&:(<= ?from ?as-of))
            (until ?until&:(or (eq ?until nil) (<= ?as-of ?until)))
            (general-education ?general) (professional-level ?professional)
            (political-theory ?theory) (min-age ?min-age))
  (position (cadre-id ?id) (position ?position)
            (since ?since&:(or (eq ?since nil) (<= ?since ?as-of))))
  (cadre (id ?id) (unit-id ?unit))
  (unit (id ?unit) (kind commune|ward|township|special_zone))
  =>
  (assert (holding (cadre-id ?id) (position ?position) (since ?since)
                   (general-education ?general) (professional-level ?professional)
                   (political-theory ?theory) (min-age ?min-age))))

(defrule general-education-below-standard
  (holding (cadre-id ?id) (general-education ?required&~nil))
  (cadre (id ?id) (general-education ?held&~nil&:(< (general-education-rank ?held)
                                                      (general-education-rank ?required))))
  =>
  (assert (finding (rule "standard.general_education") (cadre-id ?id))))

(defrule professional-level-below-standard
  (holding (cadre-id ?id) (professional-level ?required&~nil))
  (cadre (id ?id) (professional-level ?held&~nil&:(< (professional-level-rank ?held)
                                                       (professional-level-rank ?required))))
  =>
  (assert (finding (rule "standard.professional_level") (cadre-id ?id))))

(defrule political-theory-below-standard
  (holding (cadre-id ?id) (political-theory ?required&~nil))
  (cadre (id ?id) (political-theory ?held&~nil&:(< (political-theory-rank ?held)
                                                     (political-theory-rank ?required))))
  =>
  (assert (finding (rule "standard.political_theory") (cadre-id ?id))))

; --- standard.age ----------------------------------------------------------------------

(defrule holder-reached-retirement
  (evaluation (as-of ?as-of))
  (holding (cadre-id ?id))
  (cadre (id ?id) (birth-date ?birth) (gender ?gender))
  (test (>= ?as-of (retirement-date ?birth ?gender)))
  =>
  (assert (finding (rule "standard.age") (cadre-id ?id))))

(defrule holder-below-minimum-age
  (evaluation (as-of ?as-of))
  (holding (cadre-id ?id) (min-age ?min-age&~nil))
  (cadre (id ?id) (birth-date ?birth&:(< (age-on ?birth ?as-of) ?min-age)))
  =>
  (assert (finding (rule "standard.age") (cadre-id ?id))))

; Judged by the standard in force on the day the post was taken.
(defrule holder-too-old-at-appointment
  (holding (cadre-id ?id) (position ?position) (since ?since&~nil))
  (standard (position ?position) (from ?from&:(<= ?from ?since))
            (until ?until&:(or (eq ?until nil) (<= ?since ?until)))
            (max-age-at-appointment ?max&~nil))
  (cadre (id ?id) (birth-date ?birth&:(> (age-on ?birth ?since) ?max)))
  =>
  (assert (finding (rule "standard.age") (cadre-id ?id))))

; A candidate of a current or later pool, not yet holding the position, judged at the
; term's start (or the as-of day, if later) by the standard in force then.
(defrule pool-candidate-age
  (evaluation (as-of ?as-of) (pool-min-months ?min-months))
  (pool (cadre-id ?id) (position ?position) (term-start ?term-start)
        (term-last-day ?last&:(>= ?last ?as-of)))
  (not (position (cadre-id ?id) (position ?position)
                 (since ?since&:(or (eq ?since nil) (<= ?since ?as-of)))))
  (standard (position ?position) (from ?from&:(<= ?from (max ?term-start ?as-of)))
            (until ?until&:(or (eq ?until nil) (<= (max ?term-start ?as-of) ?until)))
            (max-age-at-appointment ?max))
  (cadre (id ?id) (birth-date ?birth) (gender ?gender))
  =>
  (bind ?start (max ?term-start ?as-of))
  (if (< (months-between ?start (retirement-date ?birth ?gender)) ?min-months)
   then (assert (finding (rule "standard.age") (cadre-id ?id))))
  (if (and (neq ?max nil) (> (age-on ?birth ?start) ?max))
   then (assert (finding (rule "standard.age") (cadre-id ?id)))))

; --- point1.accredited_provider --------------------------------------------------------

; Each provider name is judged once (the library memoises its verdicts too).
(defrule judge-provider
  (exists (accredited))
  (training (provider ?provider&~nil))
  (not (verdict (provider ?provider)))
  =>
  (assert (verdict (provider ?provider) (accredited (accredited-p ?provider)))))

(defrule training-from-unaccredited-provider
  (evaluation (as-of ?as-of))
  (verdict (provider ?provider) (accredited FALSE))
  (training (cadre-id ?id) (provider ?provider) (start-date ?start&:(<= ?start ?as-of))
            (status ~cancelled))
  =>
  (assert (finding (rule "point1.accredited_provider") (cadre-id ?id) (year (div ?start 10000)))))

; --- stats -----------------------------------------------------------------------------

; Each holder once, even if the position is listed twice.
(defrule stats-holder
  (evaluation (as-of ?as-of) (stats-position ?position))
  (position (cadre-id ?id) (position ?position)
            (since ?since&:(or (eq ?since nil) (<= ?since ?as-of))))
  (cadre (id ?id) (unit-id ?unit) (general-education ?general)
         (professional-level ?professional) (political-theory ?theory)
         (state-management ?management))
  (unit (id ?unit) (kind commune|ward|township|special_zone))
  (not (stats-row (cadre-id ?id)))
  =>
  (assert (stats-row (cadre-id ?id) (general-education ?general)
                     (professional-level ?professional)
                     (political-theory (if (eq ?theory bachelor) then advanced else ?theory))
                     (state-management ?management))))

(defrule stats-concurrent
  (evaluation (as-of ?as-of) (stats-position ?position))
  (stats-row (cadre-id ?id))
  (position (cadre-id ?id) (position ?other&~?position)
            (since ?since&:(or (eq ?since nil) (<= ?since ?as-of))))
  (not (concurrent (cadre-id ?id) (position ?other)))
  =>
  (assert (concurrent (cadre-id ?id) (position ?other))))

(defrule stats-unit
  (evaluation)
  (unit (kind commune|ward|township|special_zone) (large-minority ?large))
  =>
  (assert (stats-unit (large-minority ?large))))
