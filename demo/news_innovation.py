"""The demo's news on innovation, start-ups, digital transformation and cooperation."""

from .news_data import NewsItem, Text

INNOVATION_NEWS = [
    NewsItem(
        slug="dien-dan-doi-moi-sang-tao-hai-phong",
        slug_en="hai-phong-innovation-forum",
        days_ago=3,
        scene="conference",
        featured=True,
        tags=("Đổi mới sáng tạo", "Khởi nghiệp"),
        agencies=("ubnd-thanh-pho",),
        author="Minh Đức",
        vi=Text(
            "Diễn đàn Đổi mới sáng tạo thành phố Hải Phòng năm {year}",
            "Sở Khoa học và Công nghệ phối hợp với Ủy ban nhân dân thành phố tổ chức Diễn đàn "
            "Đổi mới sáng tạo năm {year} với sự tham dự của hơn 300 đại biểu đến từ các cơ quan "
            "quản lý, viện, trường, doanh nghiệp và nhà đầu tư.",
            (
                "Diễn đàn là dịp để các nhà khoa học, doanh nghiệp và cơ quan quản lý cùng nhìn "
                "lại kết quả triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát "
                "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa "
                "bàn thành phố.",
                "Tại phiên thảo luận, các đại biểu tập trung vào ba nhóm vấn đề: cơ chế đặt hàng "
                "nhiệm vụ khoa học và công nghệ gắn với nhu cầu của doanh nghiệp; phát triển "
                "mạng lưới tư vấn, hỗ trợ khởi nghiệp; và thu hút nguồn vốn đầu tư mạo hiểm cho "
                "các dự án công nghệ.",
                "Phát biểu kết luận, lãnh đạo Sở Khoa học và Công nghệ đề nghị các doanh nghiệp "
                "chủ động đề xuất bài toán công nghệ, Sở sẽ tổng hợp, tham mưu Ủy ban nhân dân "
                "thành phố bổ sung vào danh mục nhiệm vụ đặt hàng năm tới.",
            ),
            "Toàn cảnh Diễn đàn Đổi mới sáng tạo thành phố Hải Phòng.",
        ),
        en=Text(
            "Hai Phong City Innovation Forum {year}",
            "The Department of Science and Technology and the City People's Committee held the "
            "{year} Innovation Forum, attended by more than 300 delegates from state agencies, "
            "institutes, universities, businesses and investors.",
            (
                "The forum gave scientists, businesses and administrators an occasion to review "
                "how the city carries out Resolution 57-NQ/TW of the Politburo on breakthroughs "
                "in science, technology, innovation and national digital transformation.",
                "In the discussion, delegates focused on three questions: commissioning science "
                "and technology tasks that answer businesses' needs; building a network of "
                "advisers and support for start-ups; and attracting venture capital to "
                "technology projects.",
                "Closing the forum, the leadership of the Department of Science and Technology "
                "asked businesses to bring forward their technology problems; the Department "
                "will gather them and advise the City People's Committee to include them in "
                "next year's list of commissioned tasks.",
            ),
            "The Hai Phong City Innovation Forum in session.",
        ),
    ),
    NewsItem(
        slug="ngay-hoi-khoi-nghiep-doi-moi-sang-tao",
        slug_en="innovative-start-up-festival",
        days_ago=11,
        scene="fair",
        featured=True,
        tags=("Khởi nghiệp", "Đổi mới sáng tạo"),
        author="Phương Thảo",
        vi=Text(
            "Ngày hội Khởi nghiệp đổi mới sáng tạo thu hút 60 dự án tham gia",
            "Ngày hội Khởi nghiệp đổi mới sáng tạo thành phố năm {year} đã giới thiệu 60 dự án, "
            "sản phẩm của các nhóm khởi nghiệp, sinh viên và doanh nghiệp trẻ trong các lĩnh "
            "vực công nghệ thông tin, nông nghiệp, logistics và kinh tế biển.",
            (
                "Các gian trưng bày tập trung vào những sản phẩm đã có khách hàng đầu tiên như "
                "phần mềm quản lý kho cảng, thiết bị giám sát môi trường ao nuôi và ứng dụng "
                "đặt lịch khám bệnh trực tuyến.",
                "Trong khuôn khổ Ngày hội, 10 dự án xuất sắc được lựa chọn trình bày trước hội "
                "đồng nhà đầu tư; ba dự án đã ký biên bản ghi nhớ hợp tác ngay tại sự kiện.",
                "Sở Khoa học và Công nghệ cho biết sẽ tiếp tục hỗ trợ các dự án tiềm năng thông "
                "qua Chương trình hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo của thành phố, "
                "gồm đào tạo, kết nối chuyên gia và hỗ trợ kinh phí ươm tạo.",
            ),
            "Khách tham quan tìm hiểu sản phẩm tại các gian hàng khởi nghiệp.",
        ),
        en=Text(
            "Innovative start-up festival draws 60 projects",
            "The city's {year} innovative start-up festival presented 60 projects and products "
            "by start-up teams, students and young companies in information technology, "
            "agriculture, logistics and the marine economy.",
            (
                "The stands showed products that already have their first customers, such as "
                "port warehouse management software, pond water monitoring devices and an app "
                "to book medical appointments online.",
                "During the festival, the 10 best projects pitched to a panel of investors; "
                "three of them signed memoranda of understanding on the spot.",
                "The Department of Science and Technology will keep supporting promising "
                "projects through the city's programme for the innovative start-up ecosystem: "
                "training, introductions to experts and funding for incubation.",
            ),
            "Visitors learn about the products at the start-up stands.",
        ),
    ),
    NewsItem(
        slug="so-khcn-day-manh-chuyen-doi-so",
        slug_en="department-steps-up-digital-transformation",
        days_ago=18,
        scene="digital",
        featured=True,
        tags=("Chuyển đổi số",),
        agencies=("so-tttt",),
        vi=Text(
            "100% thủ tục hành chính của Sở được cung cấp trực tuyến toàn trình",
            "Sở Khoa học và Công nghệ đã cung cấp toàn bộ thủ tục hành chính thuộc thẩm quyền giải "
            "quyết trên Cổng Dịch vụ công, người dân và doanh nghiệp có thể nộp hồ sơ, thanh "
            "toán phí và nhận kết quả hoàn toàn trực tuyến.",
            (
                "Theo kế hoạch chuyển đổi số năm {year}, Sở đã số hóa hồ sơ, kết quả giải quyết "
                "thủ tục hành chính và kết nối với Hệ thống thông tin giải quyết thủ tục hành "
                "chính của thành phố.",
                "Các thủ tục được người dân và doanh nghiệp sử dụng nhiều nhất là cấp giấy phép "
                "tiến hành công việc bức xạ, đăng ký công bố hợp chuẩn, hợp quy và cấp giấy "
                "chứng nhận doanh nghiệp khoa học và công nghệ.",
                "Thời gian giải quyết trung bình giảm gần một nửa so với trước đây; 100% hồ sơ "
                "được giải quyết đúng và trước hạn.",
            ),
            "Hệ thống dịch vụ công trực tuyến kết nối dữ liệu của Sở.",
        ),
        en=Text(
            "All of the Department's administrative procedures are now fully online",
            "The Department of Science and Technology has put every administrative procedure "
            "within its competence on the Public Service Portal: citizens and businesses can "
            "file, pay fees and receive results entirely online.",
            (
                "Under its {year} digital transformation plan, the Department digitised its "
                "files and decisions and connected them to the city's administrative procedure "
                "information system.",
                "The procedures most used by citizens and businesses are licences for radiation "
                "work, registration of declarations of conformity with standards and technical "
                "regulations, and certificates of science and technology enterprises.",
                "The average processing time has almost halved; 100% of the files were "
                "processed correctly and on or before time.",
            ),
            "The online public service system links the Department's data.",
        ),
    ),
    NewsItem(
        slug="cho-cong-nghe-va-thiet-bi-hai-phong",
        slug_en="hai-phong-technology-and-equipment-market",
        days_ago=32,
        scene="fair",
        tags=("Thị trường công nghệ",),
        author="Hải Nam",
        vi=Text(
            "Chợ Công nghệ và Thiết bị kết nối cung - cầu công nghệ cho doanh nghiệp",
            "Hơn 120 gian hàng của các viện nghiên cứu, trường đại học và doanh nghiệp công "
            "nghệ đã tham gia Chợ Công nghệ và Thiết bị thành phố Hải Phòng năm {year}.",
            (
                "Chợ Công nghệ giới thiệu gần 500 công nghệ, thiết bị và giải pháp trong các lĩnh "
                "vực cơ khí chế tạo, tự động hóa, năng lượng tái tạo, chế biến nông sản và xử lý "
                "môi trường.",
                "Bên cạnh trưng bày, Ban tổ chức bố trí khu tư vấn chuyển giao công nghệ, sở hữu "
                "trí tuệ và các chính sách hỗ trợ đổi mới công nghệ của thành phố.",
                "Kết thúc sự kiện, 25 hợp đồng và biên bản ghi nhớ chuyển giao công nghệ đã được "
                "ký kết giữa bên cung cấp và doanh nghiệp có nhu cầu.",
            ),
            "Doanh nghiệp giới thiệu thiết bị tại Chợ Công nghệ và Thiết bị.",
        ),
        en=Text(
            "Technology and Equipment Market links technology suppliers with businesses",
            "More than 120 stands of research institutes, universities and technology companies "
            "took part in the {year} Hai Phong Technology and Equipment Market.",
            (
                "The market presented nearly 500 technologies, machines and solutions in "
                "mechanical engineering, automation, renewable energy, food processing and "
                "environmental treatment.",
                "Beside the exhibition, the organisers ran an advice corner on technology "
                "transfer, intellectual property and the city's support for technological "
                "renewal.",
                "By the close, suppliers and businesses had signed 25 technology transfer "
                "contracts and memoranda of understanding.",
            ),
            "Companies present their equipment at the Technology and Equipment Market.",
        ),
    ),
    NewsItem(
        slug="ky-ket-hop-tac-voi-dai-hoc-hang-hai",
        slug_en="cooperation-agreement-with-the-maritime-university",
        days_ago=46,
        scene="signing",
        tags=("Hợp tác", "Đổi mới sáng tạo"),
        vi=Text(
            "Ký kết chương trình hợp tác khoa học và công nghệ với Trường Đại học Hàng hải "
            "Việt Nam",
            "Sở Khoa học và Công nghệ và Trường Đại học Hàng hải Việt Nam đã ký kết chương "
            "trình hợp tác giai đoạn {year}-2030, tập trung vào nghiên cứu ứng dụng phục vụ "
            "kinh tế biển và logistics.",
            (
                "Theo chương trình, hai bên phối hợp đề xuất nhiệm vụ khoa học và công nghệ, "
                "chia sẻ phòng thí nghiệm, thiết bị nghiên cứu và cùng đào tạo nguồn nhân lực "
                "chất lượng cao.",
                "Nhà trường sẽ tham gia hội đồng tư vấn xác định nhiệm vụ và hỗ trợ doanh nghiệp "
                "thương mại hóa kết quả nghiên cứu về tự động hóa cảng biển, đóng tàu và an "
                "toàn hàng hải.",
                "Hằng năm, hai bên tổ chức sơ kết, đánh giá kết quả và thống nhất kế hoạch "
                "triển khai cho năm tiếp theo.",
            ),
            "Lãnh đạo hai đơn vị ký kết chương trình hợp tác.",
        ),
        en=Text(
            "Science and technology cooperation programme signed with Viet Nam Maritime University",
            "The Department of Science and Technology and Viet Nam Maritime University signed a "
            "cooperation programme for {year}-2030, focused on applied research for the marine "
            "economy and logistics.",
            (
                "Under the programme, the two sides will propose science and technology tasks "
                "together, share laboratories and research equipment, and train highly "
                "qualified staff.",
                "The university will sit on the councils that define tasks and help businesses "
                "commercialise research on port automation, shipbuilding and maritime safety.",
                "Each year the two sides will review the results and agree on the plan for the "
                "following year.",
            ),
            "The leaders of the two institutions sign the cooperation programme.",
        ),
    ),
    NewsItem(
        slug="tuan-le-khoa-hoc-cho-hoc-sinh",
        slug_en="science-week-for-pupils",
        days_ago=60,
        scene="training",
        tags=("Đổi mới sáng tạo",),
        agencies=("so-gddt",),
        author="Phương Thảo",
        vi=Text(
            "Tuần lễ Khoa học và Công nghệ dành cho học sinh trung học",
            "Hơn 2.000 học sinh của 40 trường trung học trên địa bàn thành phố đã tham gia "
            "Tuần lễ Khoa học và Công nghệ do Sở Khoa học và Công nghệ phối hợp với Sở Giáo dục "
            "và Đào tạo tổ chức.",
            (
                "Chương trình gồm các buổi nói chuyện chuyên đề với nhà khoa học, thực hành thí "
                "nghiệm, lập trình robot và giới thiệu các mô hình giáo dục STEM.",
                "Nhiều sản phẩm của học sinh như hệ thống tưới cây tự động, thiết bị cảnh báo "
                "khí gas và mô hình nhà thông minh được ban giám khảo đánh giá cao về tính sáng "
                "tạo và khả năng ứng dụng.",
                "Tuần lễ nhằm khơi dậy niềm đam mê nghiên cứu khoa học, hình thành thế hệ trẻ "
                "có tư duy đổi mới sáng tạo cho thành phố.",
            ),
            "Học sinh tham gia buổi nói chuyện chuyên đề với nhà khoa học.",
        ),
        en=Text(
            "Science and Technology Week for secondary school pupils",
            "More than 2,000 pupils of 40 secondary schools in the city took part in the "
            "Science and Technology Week organised by the Department of Science and Technology "
            "with the Department of Education and Training.",
            (
                "The programme included talks by scientists, hands-on experiments, robot "
                "programming and a presentation of STEM education models.",
                "Several of the pupils' projects, such as an automatic plant watering system, a "
                "gas leak alarm and a smart home model, were praised by the jury for their "
                "creativity and usefulness.",
                "The week aims to kindle a passion for research and to raise a young generation "
                "with an innovative mindset for the city.",
            ),
            "Pupils attend a talk given by a scientist.",
        ),
    ),
    NewsItem(
        slug="giai-thuong-sang-tao-khoa-hoc-cong-nghe",
        slug_en="science-and-technology-creativity-award",
        days_ago=75,
        scene="award",
        tags=("Giải thưởng", "Đổi mới sáng tạo"),
        agencies=("ubnd-thanh-pho",),
        author="Minh Đức",
        vi=Text(
            "Trao Giải thưởng Sáng tạo khoa học và công nghệ thành phố năm {year}",
            "Ủy ban nhân dân thành phố đã trao Giải thưởng Sáng tạo khoa học và công nghệ năm "
            "{year} cho 18 công trình, giải pháp có giá trị khoa học và hiệu quả kinh tế - xã "
            "hội nổi bật.",
            (
                "Năm nay, Hội đồng xét thưởng đã nhận được 64 hồ sơ trong các lĩnh vực kỹ thuật "
                "công nghệ, y dược, nông nghiệp và khoa học xã hội.",
                "Giải Nhất được trao cho giải pháp tối ưu hóa quy trình xếp dỡ container bằng "
                "trí tuệ nhân tạo, giúp giảm 15% thời gian tàu nằm chờ tại cảng.",
                "Sở Khoa học và Công nghệ sẽ hỗ trợ các tác giả đăng ký bảo hộ quyền sở hữu trí "
                "tuệ và nhân rộng các giải pháp đạt giải.",
            ),
            "Trao Giải thưởng cho các tác giả có công trình đạt giải.",
        ),
        en=Text(
            "City Science and Technology Creativity Award {year} presented",
            "The City People's Committee presented the {year} Science and Technology Creativity "
            "Award to 18 works and solutions of outstanding scientific value and social and "
            "economic benefit.",
            (
                "This year the award council received 64 entries in engineering and technology, "
                "medicine and pharmacy, agriculture and the social sciences.",
                "The first prize went to a solution that optimises container handling with "
                "artificial intelligence and cuts ships' waiting time at the port by 15%.",
                "The Department of Science and Technology will help the authors register their "
                "intellectual property rights and spread the winning solutions.",
            ),
            "The award is presented to the authors of the winning works.",
        ),
    ),
]
