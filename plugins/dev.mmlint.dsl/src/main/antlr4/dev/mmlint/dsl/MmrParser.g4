/*
 * Parser of the mmlint rule DSL. Labelled alternatives, no actions: dev.mmlint.dsl.ModelBuilder
 * (a visitor) builds the reference model from the tree.
 */
parser grammar MmrParser;

options { tokenVocab = MmrLexer; }

file
    : header clause* EOF
    ;

header
    : FAMILY ident STRING SEMI headerItem*
    ;

headerItem
    : CONFIDENCE ident SEMI                          # headerConfidence
    | reference                                      # headerReference
    ;

clause
    : CLAUSE clauseId FOR RULE_ID LBRACE clauseItem* RBRACE
    ;

clauseId
    : DOTTED                                         # dottedClauseId
    | ident                                          # plainClauseId
    ;

clauseItem
    : SINCE version SEMI                             # sinceItem
    | BEFORE version SEMI                            # beforeItem
    | KCONFIG kexpr SEMI                             # kconfigItem
    | CONFIDENCE ident SEMI                          # confidenceItem
    | WHY STRING+ SEMI                               # whyItem
    | reference                                      # referenceItem
    | functionFact                                   # functionItem
    | FIELD fieldRef COLON ident window? note? SEMI  # fieldItem
    | RANGE STRING COLON ident window? note? SEMI    # rangeItem
    | VALIDATOR ident STRING window? note? SEMI      # validatorItem
    ;

reference
    : REF COMMIT commitId STRING SEMI                # commitRef
    | REF LKML STRING STRING? SEMI                   # lkmlRef
    | REF URL STRING STRING? SEMI                    # urlRef
    | REF SOURCE STRING STRING? AT version SEMI      # sourceRef
    | REF DOC STRING STRING? AT version SEMI         # docRef
    ;

commitId
    : HEXID                                          # hexCommit
    | IDENT                                          # identCommit
    | INT                                            # intCommit
    ;

functionFact
    : fnKind ident LPAREN paramList? RPAREN window? note? LBRACE effect* RBRACE
    ;

fnKind
    : FN                                             # fnKindFn
    | MACRO                                          # fnKindMacro
    | BUILTIN                                        # fnKindBuiltin
    ;

paramList
    : ident ( COMMA ident )*
    ;

window
    : SINCE version ( BEFORE version )?              # sinceWindow
    | BEFORE version                                 # beforeWindow
    ;

note
    : NOTE STRING+
    ;

effect
    : site COLON effectItem ( COMMA effectItem )* condition? SEMI
    ;

/* the effects happen only when a parameter is true, or has a flag set (or clear), at the call */
condition
    : WHEN ident ( ( HAS | LACKS ) ident )?
    ;

site
    : RETURN                                         # returnSite
    | ident LBRACK RBRACK                            # arraySite
    | ident                                          # paramSite
    ;

effectItem
    : ident ( OF ident )? ( COUNT ident )? validatedBy?
    ;

validatedBy
    : VALIDATED_BY LPAREN ident ( COMMA ident )* RPAREN
    ;

fieldRef
    : DOTTED                                         # dottedField
    | ident DOT ( ident | STAR )                     # spacedField
    ;

version
    : VERSION                                        # fullVersion
    | INT                                            # bareVersion
    ;

/* Kconfig predicate; alternatives listed from tightest to loosest binding */
kexpr
    : NOT kexpr                                      # kNot
    | kexpr AND kexpr                                # kAnd
    | kexpr OR kexpr                                 # kOr
    | LPAREN kexpr RPAREN                            # kParen
    | ksym ( EQ | NEQ ) kvalue                       # kCompare
    | ksym                                           # kSymbol
    ;

ksym
    : ( INT | HEXID )? IDENT
    ;

kvalue
    : IDENT                                          # kIdentValue
    | INT                                            # kIntValue
    | STRING                                         # kStringValue
    ;

/* a name: identifiers and the keywords that are only keywords in context */
ident
    : IDENT | FAMILY | CONFIDENCE | REF | CLAUSE | FOR | SINCE | BEFORE | KCONFIG | WHY | AT | FN | MACRO
    | BUILTIN | FIELD | RANGE | VALIDATOR | COUNT | OF | VALIDATED_BY | NOTE | COMMIT | LKML | URL | SOURCE | DOC
    | WHEN | HAS | LACKS
    ;
