/**
 * The role-matching evaluation set: how learners describe their own jobs, in their own (often
 * non-native) words, with the catalog role a careful reader would pick. Written independently of the
 * catalog texts: job titles are the ones people really carry (often vague), descriptions avoid the
 * catalog's phrasing. Do not tune these to the matcher; add new cases instead.
 */
export interface EvaluationCase {
  industryId: string;
  jobTitle: string;
  jobDescription: string;
  expectedRoleId: string;
}

export const JOB_DESCRIPTION_EVALUATION_SET: EvaluationCase[] = [
  // Banking & Finance
  {
    industryId: 'banking_finance',
    jobTitle: 'Senior Analyst, FP&A',
    jobDescription:
      'I prepare the monthly budget and forecast for our business units and explain to the CFO why the actual numbers are different from plan. I build models in Excel and make slides for management meetings.',
    expectedRoleId: 'financial_analyst',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Credit Officer',
    jobDescription:
      'I review companies who ask our bank for a facility. I read their accounts and cash flow, give a risk grade and write the credit paper to recommend approve or decline. Also I check if existing customers break their covenants.',
    expectedRoleId: 'credit_analyst',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Personal Loan Executive',
    jobDescription:
      'Customers come to me when they want to borrow money for a car or home renovation. I explain our loan plans, collect their payslips and ID, check their credit report and follow the application until the money is paid out.',
    expectedRoleId: 'loan_officer',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Assistant Vice President',
    jobDescription:
      'I am the main contact point for around 60 SME companies. I visit them, understand what they need and sell them our products like trade finance, deposits and FX. My target is to grow the revenue from my clients.',
    expectedRoleId: 'relationship_manager',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Associate, Corporate Finance',
    jobDescription:
      'I work on deals when one company buys another company or when a company goes public. I do the valuation, prepare pitch decks and support the due diligence. Sometimes we work until 2am before the signing.',
    expectedRoleId: 'investment_banker',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Fund Manager',
    jobDescription:
      'I decide which shares and bonds to buy for our Asia fund and how much to hold. I watch our performance versus the index and explain our strategy to investors every quarter.',
    expectedRoleId: 'portfolio_manager',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Vice President, Market Risk',
    jobDescription:
      'I monitor the trading exposure of the bank and set limits for the traders. I run stress tests and VaR every day and report to the risk committee and to HKMA when we are close to a limit.',
    expectedRoleId: 'risk_manager',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'AML Specialist',
    jobDescription:
      'I check customer onboarding files for KYC, investigate alerts on unusual transactions and decide if we need to file a report to the police. I also train front line staff when new rules come out.',
    expectedRoleId: 'compliance_officer',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Branch Head',
    jobDescription:
      'I run one of our retail outlets with 15 staff including tellers and sales. I make sure we hit the monthly targets, calm down angry customers and check the cash and security procedures are followed.',
    expectedRoleId: 'branch_manager',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Treasury Officer',
    jobDescription:
      'Every morning I check the balance in all our bank accounts and decide where to put the extra money. I do currency deals to hedge our USD exposure and prepare the cash forecast for the treasurer.',
    expectedRoleId: 'treasury_analyst',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Private Banker',
    jobDescription:
      'My clients are rich families. I give them advice on investing, insurance and planning for their retirement and for passing money to their children, and I review their portfolio with them regularly.',
    expectedRoleId: 'wealth_management_advisor',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Senior Auditor',
    jobDescription:
      'I go to different departments of the bank to check whether their controls really work. I test samples, write down the issues and agree with the managers how to fix them. The results go to the audit committee.',
    expectedRoleId: 'internal_auditor',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Analyst',
    jobDescription:
      'I look at the balance sheet of the companies that borrow from us and decide their rating. Every year I prepare the annual review of their credit limit.',
    expectedRoleId: 'credit_analyst',
  },
  // Shipping & Logistics
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Logistics Executive',
    jobDescription:
      'I arrange trucks to pick up goods from our suppliers and deliver them to customers. I follow every delivery and tell the customer when it will be late. I also prepare the delivery notes.',
    expectedRoleId: 'logistics_coordinator',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Sea Freight Executive',
    jobDescription:
      'I book containers with carriers for our customers, get the rate, prepare the B/L and arrange pickup to the port. I also quote prices for new customers who want to send goods overseas.',
    expectedRoleId: 'freight_forwarder',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Supply Chain Lead',
    jobDescription:
      'I plan how much stock we need in each market, choose which factories and logistics companies we use and try to cut cost and the time from factory to store.',
    expectedRoleId: 'supply_chain_manager',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Warehouse Team Leader',
    jobDescription:
      'I manage 20 workers on the night shift. We receive goods, put them on the racks, pick and pack the orders for dispatch. I check the stock count and make sure everybody drives the forklift safely.',
    expectedRoleId: 'warehouse_supervisor',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Clearance Specialist',
    jobDescription:
      'I prepare import and export declarations for our clients, find the correct HS code for each product and calculate the duty. When the customs department has questions I answer them.',
    expectedRoleId: 'customs_broker',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Transport Manager',
    jobDescription:
      'I am in charge of 40 lorries and their drivers. I plan the routes, book servicing for the lorries, watch the diesel cost and make sure every lorry passes the yearly inspection.',
    expectedRoleId: 'fleet_manager',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Commercial Manager, Dry Bulk',
    jobDescription:
      'I find cargoes for our bulk carriers and negotiate the freight or hire with brokers and charterers. I follow the market every day and deal with demurrage claims after the voyage.',
    expectedRoleId: 'chartering_manager',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Terminal Supervisor',
    jobDescription:
      'I supervise the loading and unloading of container ships at our terminal. I plan the cranes and workers for each shift and coordinate with the shipping lines and the truck drivers.',
    expectedRoleId: 'port_operations_supervisor',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Buyer',
    jobDescription:
      'I buy packaging materials and parts for the company. I ask vendors for quotes, negotiate the price, issue POs and then follow up until the goods arrive.',
    expectedRoleId: 'procurement_specialist',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Marine Superintendent (Operations)',
    jobDescription:
      'I run the daily operation of our 12 ships: voyage plans, port calls, appointing agents, ordering bunkers and handling any delay or incident together with the crew and the charterers.',
    expectedRoleId: 'shipping_operations_manager',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Shipping Clerk',
    jobDescription:
      'I do the documents for our exports: commercial invoice, packing list, certificate of origin and the documents for the L/C. I keep the records and update the system.',
    expectedRoleId: 'import_export_clerk',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Operations Executive',
    jobDescription:
      'I follow up with forwarders and trucking companies about our shipments and update the customers on the arrival time. I solve problems when goods arrive damaged or late.',
    expectedRoleId: 'logistics_coordinator',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Procurement Officer',
    jobDescription:
      'I run tenders for transport services, compare the offers and negotiate contracts with the vendors we select.',
    expectedRoleId: 'procurement_specialist',
  },
  // Real Estate
  {
    industryId: 'real_estate',
    jobTitle: 'Property Consultant',
    jobDescription:
      'I help clients find flats to buy or rent in Kowloon. I arrange visits, tell them the market price and negotiate with the owner. I get commission when the deal is done.',
    expectedRoleId: 'real_estate_agent',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Estate Officer',
    jobDescription:
      'I look after two housing estates for the owner. I collect the monthly fees and rent, handle complaints from residents and call contractors to repair things.',
    expectedRoleId: 'property_manager',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Leasing Executive',
    jobDescription:
      'I find tenants for the shops in our mall. I show the shops, explain the rent and the terms and prepare the tenancy agreement. I also talk to current tenants about renewing.',
    expectedRoleId: 'leasing_consultant',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Assistant Surveyor',
    jobDescription:
      'I inspect flats and offices and decide how much they are worth for bank mortgages. I compare recent transactions nearby and write the report.',
    expectedRoleId: 'real_estate_appraiser',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Building Services Manager',
    jobDescription:
      'I take care of an office building so everything works: air-con, elevators, cleaning and guards. I plan repairs and control the yearly budget.',
    expectedRoleId: 'facilities_manager',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Project Manager',
    jobDescription:
      'I lead new residential projects from buying the land and the feasibility study, through getting approval from the government, then the design and building work with architects and contractors.',
    expectedRoleId: 'development_manager',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Portfolio Manager',
    jobDescription:
      'I look after eight office buildings owned by our fund. I make the business plan for each building, approve big leases and renovation spending, and report income and value to the investors.',
    expectedRoleId: 'asset_manager',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Investment Analyst',
    jobDescription:
      'I model the cash flow and IRR of buildings our REIT may buy, research rents and yields in the market and write the paper for the investment committee.',
    expectedRoleId: 'real_estate_investment_analyst',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Mortgage Specialist',
    jobDescription:
      'I help people who are buying a home to get a mortgage. I check their income, compare the rates of different banks and explain the monthly payment. Then I submit the application for them.',
    expectedRoleId: 'mortgage_advisor',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Head of Sales',
    jobDescription:
      'I lead the sales team for our new residential launches. I set the price list and targets, manage the agencies and marketing, and report sales numbers to the board.',
    expectedRoleId: 'sales_director',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Leasing Officer',
    jobDescription:
      'I rent out apartments in our serviced residence, show them to people who are relocating to Hong Kong and prepare the lease.',
    expectedRoleId: 'leasing_consultant',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Agent',
    jobDescription:
      'I work for an agency and list flats for landlords, bring people to see them and help both sides agree on the rent or the price.',
    expectedRoleId: 'real_estate_agent',
  },
  // Hotels & Hospitality
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Duty Manager',
    jobDescription:
      'I lead the reception team. I make sure check in and check out go smoothly, decide which rooms the arriving guests get, deal with complaints and prepare the staff roster.',
    expectedRoleId: 'front_office_manager',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Guest Experience Executive',
    jobDescription:
      'I welcome our VIPs when they arrive, remember what they like and arrange special amenities in the room. When a guest is unhappy I listen and make it right so they come back.',
    expectedRoleId: 'guest_relations_officer',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Hotel Manager',
    jobDescription:
      'I am responsible for the whole hotel with 300 rooms. I set the annual budget, manage all department heads and report the profit and guest scores to the owning company.',
    expectedRoleId: 'hotel_general_manager',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Guest Services Agent, Lobby',
    jobDescription:
      'Guests ask me where to eat, how to go to the airport, or to book a tour or show tickets. I make the bookings and arrange a car for them.',
    expectedRoleId: 'concierge',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Pricing Manager',
    jobDescription:
      'I decide our room prices every day based on the demand forecast, competitor prices and pickup. I manage the rates on Booking.com, Expedia and our website to maximise RevPAR.',
    expectedRoleId: 'revenue_manager',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Banquet Executive',
    jobDescription:
      'I organise weddings, company dinners and conferences in our ballroom. I discuss the menu and setup with the client, prepare the order for the kitchen and banquet team and make sure everything runs on the day.',
    expectedRoleId: 'events_coordinator',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Outlet Manager',
    jobDescription:
      'I manage the Chinese restaurant and the lobby bar. I plan the menu and wine list with the chef, watch food cost and staff cost and train the waiters on service standards.',
    expectedRoleId: 'food_and_beverage_manager',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Floor Supervisor',
    jobDescription:
      'I check the rooms after the room attendants finish cleaning, give them their room list each morning, manage the linen and amenities and report broken things to engineering.',
    expectedRoleId: 'housekeeping_supervisor',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Business Development Manager',
    jobDescription:
      'I visit companies and travel agencies to sign corporate rates and group bookings for the hotel. I also plan promotions and our social media campaigns.',
    expectedRoleId: 'sales_and_marketing_manager',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Booking Officer',
    jobDescription:
      'I answer calls and emails from guests who want to book a room, check availability, quote the rate and change or cancel bookings. I try to sell an upgrade or a breakfast package.',
    expectedRoleId: 'reservations_agent',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Head Chef',
    jobDescription:
      'I run the kitchen with 25 cooks. I create new dishes and menus, set the recipes and quality, control food cost and make sure the hygiene standard is kept.',
    expectedRoleId: 'executive_chef',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Receptionist',
    jobDescription:
      'I check guests in and out at the front desk, answer their questions and take the payment when they leave.',
    expectedRoleId: 'front_office_manager',
  },
  // Harder: vague titles and little word overlap with the catalog texts.
  {
    industryId: 'banking_finance',
    jobTitle: 'Manager',
    jobDescription:
      'My job is to stop criminals from using our bank to move dirty money and to make sure we follow the HKMA guidelines.',
    expectedRoleId: 'compliance_officer',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'VP',
    jobDescription:
      'I help listed companies raise money by issuing new shares or bonds to investors, and I advise them when they want to merge with a competitor.',
    expectedRoleId: 'investment_banker',
  },
  {
    industryId: 'banking_finance',
    jobTitle: 'Officer',
    jobDescription:
      'I make sure the company always has enough cash to pay salaries and suppliers, and I move money between our accounts in different currencies.',
    expectedRoleId: 'treasury_analyst',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Executive',
    jobDescription:
      'I make sure our containers to Europe have the right papers before they leave: invoices, packing lists and what the bank needs for the payment.',
    expectedRoleId: 'import_export_clerk',
  },
  {
    industryId: 'shipping_logistics',
    jobTitle: 'Assistant Manager',
    jobDescription: 'I keep our trucks on the road: servicing, tyres, insurance, and replacing the old ones.',
    expectedRoleId: 'fleet_manager',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Executive',
    jobDescription:
      'I make sure the lifts, air conditioning and fire systems in our buildings are checked and fixed on time.',
    expectedRoleId: 'facilities_manager',
  },
  {
    industryId: 'real_estate',
    jobTitle: 'Manager',
    jobDescription:
      'I decide which buildings our fund should sell and which to refurbish so that the rental income goes up.',
    expectedRoleId: 'asset_manager',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Supervisor',
    jobDescription:
      'I make sure every room is spotless and ready before the guest arrives, and I train new attendants.',
    expectedRoleId: 'housekeeping_supervisor',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Coordinator',
    jobDescription:
      'Couples come to me to plan their wedding dinner: the menu, the decoration, the seating plan.',
    expectedRoleId: 'events_coordinator',
  },
  {
    industryId: 'hotels_hospitality',
    jobTitle: 'Manager',
    jobDescription:
      'I look at how many rooms are sold for next month and change the prices on the websites when demand is weak.',
    expectedRoleId: 'revenue_manager',
  },
];
