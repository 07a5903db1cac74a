"""The demo's news on the department's management work: science and technology tasks,
standards and metrology, intellectual property, radiation safety."""

from .news_data import NewsItem, Text

MANAGEMENT_NEWS = [
    NewsItem(
        slug="nghiem-thu-de-tai-che-pham-sinh-hoc-thuy-san",
        slug_en="aquaculture-bio-product-project-accepted",
        days_ago=6,
        scene="laboratory",
        tags=("Nhiệm vụ khoa học và công nghệ", "Nông nghiệp công nghệ cao"),
        author="Hải Nam",
        vi=Text(
            "Nghiệm thu đề tài ứng dụng chế phẩm sinh học trong nuôi trồng thủy sản",
            "Hội đồng khoa học và công nghệ cấp thành phố đã nghiệm thu đề tài ứng dụng chế phẩm "
            "sinh học xử lý môi trường ao nuôi tôm thẻ chân trắng tại huyện Tiên Lãng, xếp loại "
            "Đạt.",
            (
                "Đề tài do Viện Nghiên cứu Hải sản chủ trì, thực hiện trong 24 tháng trên diện "
                "tích 5 ha ao nuôi của các hộ dân và hợp tác xã.",
                "Kết quả cho thấy chế phẩm giúp ổn định chất lượng nước, giảm 30% lượng hóa "
                "chất sử dụng và nâng tỷ lệ tôm sống lên trên 80%.",
                "Hội đồng đề nghị đơn vị chủ trì hoàn thiện quy trình kỹ thuật để chuyển giao "
                "cho các địa phương ven biển của thành phố.",
            ),
            "Cán bộ kỹ thuật phân tích mẫu nước ao nuôi trong phòng thí nghiệm.",
        ),
        en=Text(
            "Project on bio-products for aquaculture accepted",
            "The city-level science and technology council accepted, with a Pass grade, the "
            "project applying bio-products to treat whiteleg shrimp ponds in Tiên Lãng "
            "district.",
            (
                "The project, led by the Research Institute for Marine Fisheries, ran for 24 "
                "months on 5 hectares of ponds belonging to households and cooperatives.",
                "The results show that the bio-product keeps the water quality stable, cuts the "
                "use of chemicals by 30% and raises the survival rate of the shrimp above 80%.",
                "The council asked the lead institution to finalise the technical procedure so "
                "that it can be transferred to the city's coastal districts.",
            ),
            "Technicians analyse pond water samples in the laboratory.",
        ),
    ),
    NewsItem(
        slug="kiem-tra-do-luong-chat-luong-xang-dau",
        slug_en="inspection-of-fuel-measurement-and-quality",
        days_ago=14,
        scene="metrology",
        tags=("Tiêu chuẩn - Đo lường - Chất lượng",),
        author="Văn Long",
        vi=Text(
            "Kiểm tra đo lường, chất lượng xăng dầu tại 40 cửa hàng bán lẻ",
            "Đoàn kiểm tra của Sở Khoa học và Công nghệ đã kiểm tra đo lường và chất lượng xăng "
            "dầu tại 40 cửa hàng bán lẻ trên địa bàn các quận, huyện.",
            (
                "Đoàn tập trung kiểm tra việc kiểm định cột đo nhiên liệu, sai số phép đo lượng "
                "xăng dầu khi bán và lấy mẫu thử nghiệm chất lượng theo quy chuẩn kỹ thuật quốc "
                "gia.",
                "Qua kiểm tra, 38 cửa hàng chấp hành tốt quy định; hai cửa hàng có cột đo hết hạn "
                "kiểm định đã bị lập biên bản, đình chỉ sử dụng cột đo và xử lý theo quy định.",
                "Sở khuyến nghị người tiêu dùng phản ánh qua đường dây nóng của Sở khi phát hiện "
                "dấu hiệu gian lận về đo lường.",
            ),
            "Đoàn kiểm tra dùng bình chuẩn kiểm tra sai số cột đo nhiên liệu.",
        ),
        en=Text(
            "Measurement and quality of fuel checked at 40 filling stations",
            "Inspectors of the Department of Science and Technology checked the measurement "
            "and quality of fuel at 40 filling stations across the city's districts.",
            (
                "The inspectors checked that fuel dispensers had been verified, measured the "
                "error of the quantities sold and took samples to test their quality against "
                "the national technical regulation.",
                "38 stations complied; two stations whose dispensers were past their "
                "verification date were cited, their dispensers taken out of use and the cases "
                "handled according to the law.",
                "The Department invites consumers to call its hotline whenever they suspect "
                "fraud in measurement.",
            ),
            "Inspectors use a standard vessel to check a fuel dispenser's error.",
        ),
    ),
    NewsItem(
        slug="tap-huan-so-huu-tri-tue-cho-doanh-nghiep",
        slug_en="intellectual-property-training-for-businesses",
        days_ago=25,
        scene="training",
        tags=("Sở hữu trí tuệ",),
        vi=Text(
            "Tập huấn sở hữu trí tuệ cho doanh nghiệp nhỏ và vừa",
            "Gần 150 học viên là chủ doanh nghiệp nhỏ và vừa, hợp tác xã và cán bộ phụ trách "
            "sở hữu trí tuệ đã tham gia lớp tập huấn do Sở Khoa học và Công nghệ tổ chức.",
            (
                "Các báo cáo viên giới thiệu quy định mới của Luật Sở hữu trí tuệ, hướng dẫn tra "
                "cứu và nộp đơn đăng ký nhãn hiệu, kiểu dáng công nghiệp trực tuyến.",
                "Học viên được trao đổi về các tình huống thực tế như tranh chấp nhãn hiệu, xây "
                "dựng và quản lý nhãn hiệu tập thể cho sản phẩm đặc sản địa phương.",
                "Thông qua Chương trình phát triển tài sản trí tuệ, thành phố hỗ trợ một phần "
                "kinh phí đăng ký bảo hộ cho doanh nghiệp và hợp tác xã.",
            ),
            "Học viên tại lớp tập huấn sở hữu trí tuệ.",
        ),
        en=Text(
            "Intellectual property training for small and medium-sized businesses",
            "Nearly 150 owners of small and medium-sized businesses, cooperatives and staff in "
            "charge of intellectual property attended a training course held by the Department "
            "of Science and Technology.",
            (
                "The speakers presented the new provisions of the Law on Intellectual Property "
                "and showed how to search for and file trademark and industrial design "
                "applications online.",
                "Participants discussed real cases such as trademark disputes and how to build "
                "and manage collective marks for local specialities.",
                "Through its intellectual property development programme, the city pays part of "
                "the registration costs of businesses and cooperatives.",
            ),
            "Participants at the intellectual property training course.",
        ),
    ),
    NewsItem(
        slug="an-toan-buc-xa-trong-y-te",
        slug_en="radiation-safety-in-health-care",
        days_ago=39,
        scene="laboratory",
        tags=("An toàn bức xạ",),
        agencies=("so-y-te",),
        author="Văn Long",
        vi=Text(
            "Tổng kết công tác an toàn bức xạ trong các cơ sở y tế",
            "Sở Khoa học và Công nghệ phối hợp với Sở Y tế tổng kết công tác bảo đảm an toàn "
            "bức xạ và an ninh nguồn phóng xạ tại các cơ sở chẩn đoán hình ảnh trên địa bàn.",
            (
                "Thành phố hiện có hơn 300 thiết bị X-quang chẩn đoán y tế đang hoạt động; 100% "
                "cơ sở được cấp giấy phép tiến hành công việc bức xạ còn hiệu lực.",
                "Hội nghị chỉ ra một số tồn tại như chưa thực hiện đầy đủ việc theo dõi liều "
                "chiếu xạ cá nhân và kiểm định thiết bị định kỳ.",
                "Các cơ sở được đề nghị rà soát kế hoạch ứng phó sự cố bức xạ và cử nhân viên "
                "tham gia đào tạo an toàn bức xạ theo quy định.",
            ),
            "Kiểm tra thiết bị đo liều bức xạ tại phòng thí nghiệm.",
        ),
        en=Text(
            "Review of radiation safety in health facilities",
            "The Department of Science and Technology and the Department of Health reviewed "
            "radiation safety and the security of radioactive sources in the city's diagnostic "
            "imaging facilities.",
            (
                "The city has more than 300 medical X-ray machines in use; every facility holds "
                "a valid licence for radiation work.",
                "The review found shortcomings such as incomplete personal dose monitoring and "
                "late periodic verification of equipment.",
                "Facilities were asked to review their radiation incident response plans and "
                "send staff to radiation safety training as the law requires.",
            ),
            "Radiation dosimeters are checked in the laboratory.",
        ),
    ),
    NewsItem(
        slug="hoi-thao-nong-nghiep-cong-nghe-cao",
        slug_en="high-tech-agriculture-workshop",
        days_ago=53,
        scene="conference",
        tags=("Nông nghiệp công nghệ cao", "Nhiệm vụ khoa học và công nghệ"),
        author="Hải Nam",
        vi=Text(
            "Hội thảo ứng dụng công nghệ cao trong sản xuất nông nghiệp",
            "Hội thảo giới thiệu kết quả nghiên cứu ứng dụng trong nông nghiệp của các nhiệm "
            "vụ khoa học và công nghệ cấp thành phố và kinh nghiệm của các hợp tác xã tiêu "
            "biểu.",
            (
                "Các mô hình trồng rau trong nhà màng, tưới nhỏ giọt điều khiển qua điện thoại và "
                "nhân giống cây trồng bằng nuôi cấy mô đã cho năng suất cao hơn 20-30% so với "
                "canh tác truyền thống.",
                "Đại diện các hợp tác xã kiến nghị hỗ trợ chuyển giao công nghệ bảo quản sau thu "
                "hoạch và xây dựng mã số vùng trồng, truy xuất nguồn gốc sản phẩm.",
                "Sở Khoa học và Công nghệ sẽ tổng hợp các kiến nghị để đề xuất nhiệm vụ khoa học "
                "và công nghệ năm tới.",
            ),
            "Đại biểu dự Hội thảo ứng dụng công nghệ cao trong nông nghiệp.",
        ),
        en=Text(
            "Workshop on high technology in agricultural production",
            "The workshop presented the results of applied agricultural research carried out "
            "as city-level science and technology tasks, and the experience of leading "
            "cooperatives.",
            (
                "Vegetables grown in greenhouses, drip irrigation controlled from a phone and "
                "plant propagation by tissue culture gave yields 20-30% higher than traditional "
                "farming.",
                "Cooperatives asked for help with post-harvest preservation technology and with "
                "growing area codes and product traceability.",
                "The Department of Science and Technology will gather these requests to propose "
                "next year's science and technology tasks.",
            ),
            "Delegates at the workshop on high technology in agriculture.",
        ),
    ),
    NewsItem(
        slug="ngay-tieu-chuan-the-gioi",
        slug_en="world-standards-day",
        days_ago=68,
        scene="metrology",
        tags=("Tiêu chuẩn - Đo lường - Chất lượng",),
        vi=Text(
            "Hưởng ứng Ngày Tiêu chuẩn Thế giới: phổ biến quy định mới về tiêu chuẩn, quy chuẩn "
            "kỹ thuật",
            "Nhân Ngày Tiêu chuẩn Thế giới 14/10, Sở Khoa học và Công nghệ tổ chức hội nghị phổ "
            "biến quy định mới về tiêu chuẩn, quy chuẩn kỹ thuật và năng suất chất lượng cho "
            "doanh nghiệp.",
            (
                "Hội nghị giới thiệu những điểm mới của Luật Tiêu chuẩn và Quy chuẩn kỹ thuật sửa "
                "đổi, trách nhiệm công bố hợp chuẩn, hợp quy của doanh nghiệp sản xuất, nhập "
                "khẩu.",
                "Doanh nghiệp được hướng dẫn áp dụng hệ thống quản lý chất lượng ISO 9001 và các "
                "công cụ cải tiến năng suất như 5S, Kaizen.",
                "Thành phố đang triển khai Chương trình nâng cao năng suất và chất lượng sản "
                "phẩm, hàng hóa, hỗ trợ doanh nghiệp xây dựng và áp dụng tiêu chuẩn.",
            ),
            "Thiết bị đo lường chuẩn của Chi cục Tiêu chuẩn Đo lường Chất lượng.",
        ),
        en=Text(
            "World Standards Day: new rules on standards and technical regulations explained",
            "For World Standards Day on 14 October, the Department of Science and Technology "
            "held a conference for businesses on the new rules on standards, technical "
            "regulations, productivity and quality.",
            (
                "The conference presented what is new in the amended Law on Standards and "
                "Technical Regulations and the duty of manufacturers and importers to declare "
                "conformity.",
                "Businesses were shown how to apply the ISO 9001 quality management system and "
                "productivity tools such as 5S and Kaizen.",
                "The city runs a programme to raise the productivity and quality of products "
                "and goods, which helps businesses develop and apply standards.",
            ),
            "Reference measuring instruments of the Sub-department of Standards, Metrology "
            "and Quality.",
        ),
    ),
    NewsItem(
        slug="hoi-dong-xac-dinh-nhiem-vu-khcn",
        slug_en="councils-define-science-and-technology-tasks",
        days_ago=88,
        scene="conference",
        tags=("Nhiệm vụ khoa học và công nghệ",),
        agencies=("ubnd-thanh-pho",),
        author="Minh Đức",
        vi=Text(
            "Thẩm định danh mục nhiệm vụ khoa học và công nghệ cấp thành phố đặt hàng",
            "Các hội đồng tư vấn xác định nhiệm vụ đã xem xét 52 đề xuất và kiến nghị chọn 28 "
            "nhiệm vụ vào danh mục đặt hàng thực hiện từ năm {year}.",
            (
                "Các đề xuất đến từ sở, ngành, quận, huyện, viện, trường và doanh nghiệp, tập "
                "trung vào y tế, nông nghiệp, môi trường, kinh tế biển và quản lý đô thị.",
                "Hội đồng đánh giá từng đề xuất theo tính cấp thiết, tính mới, khả năng ứng dụng "
                "và địa chỉ sử dụng kết quả sau khi hoàn thành.",
                "Sở Khoa học và Công nghệ sẽ trình Ủy ban nhân dân thành phố phê duyệt danh mục "
                "và thông báo tuyển chọn tổ chức, cá nhân chủ trì trên Cổng thông tin điện tử.",
            ),
            "Hội đồng tư vấn họp xác định nhiệm vụ khoa học và công nghệ.",
        ),
        en=Text(
            "City-level commissioned science and technology tasks appraised",
            "The advisory councils examined 52 proposals and recommended 28 tasks for the list "
            "of commissioned tasks starting in {year}.",
            (
                "The proposals came from departments, districts, institutes, universities and "
                "businesses, and focus on health, agriculture, the environment, the marine "
                "economy and urban management.",
                "The councils assessed each proposal for its urgency, novelty, applicability "
                "and the users of its results once completed.",
                "The Department of Science and Technology will submit the list to the City "
                "People's Committee for approval and publish the call for lead institutions "
                "and researchers on this portal.",
            ),
            "An advisory council meets to define science and technology tasks.",
        ),
    ),
]
