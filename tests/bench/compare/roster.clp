; The roster as CLIPS facts: one template per CSV file of FORMATS.md, slots named after
; the columns. Codes are symbols, ids and free text strings, dates YYYYMMDD integers, an
; unknown cell the symbol nil. A cadre's `positions` cell becomes one `position` fact per
; position held. Loaded before any rule, so that asserting the facts is the load.

(deftemplate unit
  (slot id) (slot name) (slot kind) (slot parent-id) (slot province)
  (slot large-minority) (slot minority) (slot area))

(deftemplate cadre
  (slot id) (slot full-name) (slot birth-date) (slot unit-id) (slot gender) (slot ethnicity)
  (slot party-joined) (slot general-education) (slot professional-level)
  (slot professional-field) (slot professional-mode) (slot professional-funding)
  (slot professional-planned) (slot political-theory) (slot state-management))

(deftemplate position
  (slot cadre-id) (slot position) (slot since))

(deftemplate training
  (slot cadre-id) (slot course) (slot kind) (slot start-date) (slot end-date) (slot provider)
  (slot status) (slot result) (slot funding) (slot planned) (slot cost))

(deftemplate pool
  (slot unit-id) (slot position) (slot cadre-id) (slot term) (slot term-start)
  (slot term-last-day) (slot added-on))

(deftemplate budget
  (slot unit-id) (slot year) (slot allocated) (slot spent-on-training))
